// Version tags that mean something: a diagram, decision table or form whose executable content changed since
// its version tag was last set must carry a new one: camunda:versionTag in BPMN and DMN; a form's tag is its entry
// in forms/version-tags.json (Camunda 7 forms have no version tag of their own: the Modeler's form linter refuses
// a "versionTag" in a Camunda 7 form).
//
// For each file (default: processes/*.bpmn, processes/*.dmn and forms/*.form), the file's versions are read from the
// git history of HEAD (newest first), with the working tree's copy in front when it differs from HEAD.
// Walking back from the newest version, the oldest version that still has the newest versionTag(s) is
// where the tag was set; if the executable content of the newest version differs from that version's,
// the file changed without a new tag: the check fails and names the file, the tag and the commit that set it.
//
// Not executable, so ignored: the diagram's layout (bpmndi:BPMNDiagram, dmndi:DMNDI), documentation and
// descriptions, the Modeler's exporter attributes, XML comments and whitespace; in a form, the exporter and the
// JSON's formatting. A form without an entry fails (a diagram without a tag is bpmnlint's finding).
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
  for (const [folder, endings] of [['processes', ['.bpmn', '.dmn']], ['forms', ['.form']]]) {
    const dir = path.join(repo, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (endings.some(ending => name.endsWith(ending))) files.push(`${folder}/${name}`);
    }
  }
}

const isForm = file => file.endsWith('.form');

function parsedForm(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const FORM_TAGS = 'forms/version-tags.json';

/** The form tags as the manifest holds them in the working tree (where = null) or at a commit. */
function formTags(commit) {
  const text = commit ? quietGit('show', `${commit}:${FORM_TAGS}`)
    : existsSync(path.join(repo, FORM_TAGS)) ? readFileSync(path.join(repo, FORM_TAGS), 'utf8') : null;
  const manifest = text === null ? null : parsedForm(text);
  return manifest && typeof manifest.tags === 'object' && manifest.tags ? manifest.tags : {};
}

/** A form's version tag: "consent-call.form=1.0.0", or '' without one; the newest version has the working tree's. */
function formVersionTag(file, version, newest) {
  const name = path.basename(file);
  const tag = formTags(version === newest ? null : version.commit)[name];
  return typeof tag === 'string' && tag ? `${name}=${tag}` : '';
}

/** A form's content without its exporter, in one canonical JSON (key order kept, formatting dropped). */
function formContent(text) {
  const form = parsedForm(text);
  if (!form) return text;
  const { exporter, ...content } = form;
  return JSON.stringify(content);
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
    versions.push({ where: `commit ${short} (${date})`, xml, commit: hash });
  }
  return versions;
}

let failures = 0;
for (const file of files) {
  const versions = versionsOf(file);
  if (versions.length === 0) continue;
  const newest = versions[0];
  const tagOf = version => isForm(file) ? formVersionTag(file, version, newest) : versionTags(version.xml);
  const contentOf = isForm(file) ? formContent : executableContent;
  const tag = tagOf(newest);
  if (!tag && isForm(file)) {
    failures++;
    console.log(`${file}: no version tag; add "${path.basename(file)}": "1.0.0" to "tags" in ${FORM_TAGS}`);
    continue;
  }
  if (!tag) {
    console.log(`${file}: no camunda:versionTag (bpmnlint's process-history-and-version asks for one)`);
    continue;
  }
  let setIn = newest;
  for (const version of versions.slice(1)) {
    if (tagOf(version) !== tag) break;
    setIn = version;
  }
  if (setIn !== newest && contentOf(setIn.xml) !== contentOf(newest.xml)) {
    failures++;
    console.log(`${file}: the content changed since versionTag ${tag} was set in ${setIn.where}, `
      + `but the versionTag did not (newest: ${newest.where}). Give it a new versionTag`
      + (isForm(file) ? ` in ${FORM_TAGS}.` : '.'));
  } else {
    console.log(`${file}: ok (${tag})`);
  }
}

if (failures) {
  console.log(`version-tags: ${failures} file(s) changed without a new versionTag`);
  process.exit(1);
}
console.log(`version-tags: ${files.length} file(s) checked`);
