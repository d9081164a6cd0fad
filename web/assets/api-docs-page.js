// The /api-docs page's own text in the reader's language; Swagger UI (api-docs-init.js) shows the
// API description as /openapi.json writes it.
import { initI18n } from './i18n.js';

await initI18n(['api-docs']);
