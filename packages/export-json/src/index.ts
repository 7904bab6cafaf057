export { datasetText, jsonExporter, packDataset, renderDataset } from './exporter.js';
