export { buildSiteData, linkMedia, type SiteDataOptions, type SiteDataResult } from './data.js';
export { CONTENT_SECURITY_POLICY, renderDataScript, renderPage } from './page.js';
export { DATA_GLOBAL, type SiteCard, type SiteData } from './site-data.js';
export { APP_DIR, siteExporter } from './exporter.js';
