// The front page: only static text, translated in place.
import { initI18n } from './i18n.js';

await initI18n(['index']);
