// Renders every form of forms/ with form-js 1.8.7, the version Camunda 7.24 Tasklist bundles, in Debian's
// headless chromium, and fails on an import error or warning. Usage: node e2e/forms-render.mjs
import { chromium } from 'playwright-core';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'node_modules', '@bpmn-io', 'form-js', 'dist');
const viewer = fs.readFileSync(path.join(dist, 'form-viewer.umd.js'), 'utf8');
const css = fs.readFileSync(path.join(dist, 'assets', 'form-js.css'), 'utf8');
const formsDir = path.join(root, 'forms');
const forms = fs.readdirSync(formsDir).filter(f => f.endsWith('.form')).sort();

const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'vom-chromium-')), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
let failed = 0;
try {
  const page = await context.newPage();
  await page.setContent(`<html><head><style>${css}</style></head><body><div id="form"></div></body></html>`);
  await page.addScriptTag({ content: viewer });
  for (const file of forms) {
    const schema = JSON.parse(fs.readFileSync(path.join(formsDir, file), 'utf8'));
    const result = await page.evaluate(async schema => {
      document.querySelector('#form').innerHTML = '';
      const form = new FormViewer.Form({ container: document.querySelector('#form') });
      try {
        const { warnings } = await form.importSchema(schema, {});
        const fields = document.querySelectorAll('#form .fjs-form-field').length;
        return { warnings: warnings.map(w => String(w.message || w)), fields };
      } catch (error) {
        return { error: String(error.message || error) };
      }
    }, schema);
    if (result.error || result.warnings.length || result.fields === 0) {
      failed++;
      console.log(`✖ ${file}: ${result.error || result.warnings.join('; ') || 'nothing rendered'}`);
    } else {
      console.log(`✔ ${file}: ${result.fields} fields rendered`);
    }
  }
} finally {
  await context.close();
}
console.log(`forms-render: ${forms.length - failed} of ${forms.length} forms render in form-js 1.8.7`);
process.exit(failed ? 1 : 0);
