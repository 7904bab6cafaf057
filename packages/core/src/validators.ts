/**
 * The JSON Schema validators of schemas/, compiled at build time (ajv standalone code in ../generated/): loading
 * them costs no ajv start-up or schema compilation. `@notes/core/validators`.
 */
export { validate as validateConfig } from '../generated/validate-config.js';
export { validate as validateDataset } from '../generated/validate-dataset.js';
export { validate as validateFrontMatter } from '../generated/validate-front-matter.js';
