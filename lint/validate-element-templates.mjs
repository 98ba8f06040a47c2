// Validates the Camunda Modeler element templates (processes/.camunda/element-templates/*.json) against
// Camunda's element template JSON schema, as the Modeler does when it loads them.
import fs from 'fs';
import path from 'path';
import Ajv from 'ajv';

const dir = 'processes/.camunda/element-templates';
const schema = JSON.parse(fs.readFileSync('node_modules/@camunda/element-templates-json-schema/resources/schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort() : [];
let failed = 0;
for (const file of files) {
  const template = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  if (validate(template)) {
    console.log(`✔ ${file}`);
  } else {
    failed++;
    console.log(`✖ ${file}: ${validate.errors.map(e => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
  }
}
console.log(`element-templates: ${files.length - failed} of ${files.length} valid`);
process.exit(failed ? 1 : 0);
