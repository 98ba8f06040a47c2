# VOM Case container image (Camunda 7.24 on Spring Boot 3.5, Java 17).
#
#   docker build -t vom-case .
#   docker compose up -d        (see docker-compose.yml and .env.example)
#
# Plain Dockerfile syntax only (no BuildKit-only features), so it also builds with the classic
# builder that Debian's docker-compose 1.29 uses.

# ---------------------------------------------------------------------------------------------
# Build stage: Maven wrapper + JDK
# ---------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Wrapper and POM first: the dependency layer is rebuilt only when pom.xml or the wrapper changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

# Sources, diagrams and forms (pom.xml packages processes/ and forms/ onto the classpath).
COPY src/ src/
COPY processes/ processes/
COPY forms/ forms/
# Tests belong in CI (.ci/run), not in the image build.
RUN ./mvnw -B -q package -DskipTests

# Split the fat jar into Spring Boot's layers (Spring Boot 3.3+ "tools" jar mode). Without
# --launcher this yields <layer>/lib/*.jar plus application/vom-case.jar, whose manifest
# Class-Path points at lib/, so the image still starts with "java -jar /app/vom-case.jar".
RUN java -Djarmode=tools -jar target/vom-case-*.jar extract --layers \
        --destination /build/extracted --application-filename vom-case.jar

# ---------------------------------------------------------------------------------------------
# Runtime stage: JRE only, non-root
# ---------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# curl for the HEALTHCHECK.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

# Dedicated unprivileged user with a fixed uid/gid (stable file ownership on mounted volumes).
ARG APP_UID=10001
ARG APP_GID=10001
RUN groupadd --system --gid "${APP_GID}" vom \
    && useradd --system --uid "${APP_UID}" --gid vom --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin vom \
    && mkdir /app \
    && chown vom:vom /app

# /app is the working directory and writable by the user (the demo profile keeps its H2 database
# in ./data). The application files themselves stay root-owned, i.e. read-only for the app.
WORKDIR /app

# Least frequently changing layers first.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./

ENV SPRING_PROFILES_ACTIVE=postgres \
    PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"

USER vom:vom
EXPOSE 8080

# Camunda needs a while on first start (schema creation), hence the generous start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS "http://localhost:${PORT:-8080}/actuator/health" || exit 1

ENTRYPOINT ["java", "-jar", "/app/vom-case.jar"]
