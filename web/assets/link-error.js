// The page of a share link that leads nowhere (written by the server in English): the same words in
// the reader's language.
import { initI18n } from './i18n.js';

await initI18n(['verify']);
