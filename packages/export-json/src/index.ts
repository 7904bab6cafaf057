export { jsonExporter, packDataset, renderDataset } from './exporter.js';
