// Version tags that mean something: a diagram or decision table whose executable content changed since
// its camunda:versionTag was last set must carry a new versionTag.
//
// For each file (default: processes/*.bpmn and processes/*.dmn), the file's versions are read from the
// git history of HEAD (newest first), with the working tree's copy in front when it differs from HEAD.
// Walking back from the newest version, the oldest version that still has the newest versionTag(s) is
// where the tag was set; if the executable content of the newest version differs from that version's,
// the file changed without a new tag: the check fails and names the file, the tag and the commit that set it.
//
// Not executable, so ignored: the diagram's layout (bpmndi:BPMNDiagram, dmndi:DMNDI), documentation and
// descriptions, the Modeler's exporter attributes, XML comments and whitespace.
//
// Usage: node lint/check-version-tags.mjs [--repo DIR] [FILE...]   (FILE relative to the repository root)
// Without git history (no repository, a shallow clone) it says so and checks nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
let repo = process.cwd();
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--repo') repo = path.resolve(args[++i]);
  else files.push(args[i]);
}

function git(...gitArgs) {
  return execFileSync('git', ['-C', repo, ...gitArgs], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function quietGit(...gitArgs) {
  try {
    return git(...gitArgs);
  } catch {
    return null;
  }
}

if (quietGit('rev-parse', '--verify', '-q', 'HEAD') === null) {
  console.log('version-tags: no git history here, nothing checked');
  process.exit(0);
}
if ((quietGit('rev-parse', '--is-shallow-repository') || '').trim() === 'true') {
  console.log('version-tags: shallow clone (the history is incomplete), nothing checked; clone with full history');
  process.exit(0);
}

if (files.length === 0) {
  const dir = path.join(repo, 'processes');
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.bpmn') || name.endsWith('.dmn')) files.push(`processes/${name}`);
    }
  }
}

/** The versionTag values of the file, in document order, joined: "vom-case=1.0.0". */
function versionTags(xml) {
  const tags = [];
  for (const [startTag] of xml.matchAll(/<[\w:]+\s[^>]*\bcamunda:versionTag="[^"]*"[^>]*>/g)) {
    const id = /\sid="([^"]*)"/.exec(startTag);
    tags.push(`${id ? id[1] : '?'}=${/camunda:versionTag="([^"]*)"/.exec(startTag)[1]}`);
  }
  return tags.join(', ');
}

/** The executable content: everything but layout, documentation, exporter data, comments and whitespace. */
function executableContent(xml) {
  return xml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<bpmndi:BPMNDiagram\b[\s\S]*?<\/bpmndi:BPMNDiagram>/g, '')
    .replace(/<dmndi:DMNDI\b[\s\S]*?<\/dmndi:DMNDI>/g, '')
    .replace(/<([\w]+:)?documentation\b[^>]*\/>/g, '')
    .replace(/<([\w]+:)?documentation\b[\s\S]*?<\/([\w]+:)?documentation>/g, '')
    .replace(/<([\w]+:)?description\b[\s\S]*?<\/([\w]+:)?description>/g, '')
    .replace(/\s(camunda:versionTag|exporter|exporterVersion|modeler:executionPlatformVersion)="[^"]*"/g, '')
    .replace(/\s+/g, ' ')
    .replace(/> </g, '><')
    .trim();
}

function versionsOf(file) {
  const versions = [];
  const absolute = path.join(repo, file);
  const commits = git('log', '--format=%H %h %ad', '--date=short', 'HEAD', '--', file).split('\n').filter(Boolean);
  const inHead = commits.length ? quietGit('show', `HEAD:${file}`) : null;
  if (existsSync(absolute)) {
    const working = readFileSync(absolute, 'utf8');
    if (inHead === null || working !== inHead) versions.push({ where: 'the working tree (not committed)', xml: working });
  }
  for (const line of commits) {
    const [hash, short, date] = line.split(' ');
    const xml = quietGit('show', `${hash}:${file}`);
    if (xml === null) break; // the file was deleted or renamed here: its history before does not count
    versions.push({ where: `commit ${short} (${date})`, xml });
  }
  return versions;
}

let failures = 0;
for (const file of files) {
  const versions = versionsOf(file);
  if (versions.length === 0) continue;
  const newest = versions[0];
  const tag = versionTags(newest.xml);
  if (!tag) {
    console.log(`${file}: no camunda:versionTag (bpmnlint's process-history-and-version asks for one)`);
    continue;
  }
  let setIn = newest;
  for (const version of versions.slice(1)) {
    if (versionTags(version.xml) !== tag) break;
    setIn = version;
  }
  if (setIn !== newest && executableContent(setIn.xml) !== executableContent(newest.xml)) {
    failures++;
    console.log(`${file}: the content changed since versionTag ${tag} was set in ${setIn.where}, `
      + `but the versionTag did not (newest: ${newest.where}). Give it a new versionTag.`);
  } else {
    console.log(`${file}: ok (${tag})`);
  }
}

if (failures) {
  console.log(`version-tags: ${failures} file(s) changed without a new versionTag`);
  process.exit(1);
}
console.log(`version-tags: ${files.length} file(s) checked`);
