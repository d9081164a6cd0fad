import { Language } from './languages';
import { translator, Values } from './translate';

export interface RenderedMail {
  subject: string;
  body: string;
}

/** A paragraph of a mail: a message key and its values, or text already written (a reason typed by staff). */
export type Paragraph = [key: string, values?: Values] | { text: string };

/**
 * The one way a mail is written: its subject and paragraphs as message keys, rendered in the
 * reader's language, paragraphs separated by a blank line (the mails are plain text).
 */
export function renderMail(language: Language, subject: [key: string, values?: Values], paragraphs: Paragraph[]): RenderedMail {
  const t = translator(language);
  return {
    subject: t(...subject),
    body: paragraphs.map((p) => (Array.isArray(p) ? t(...p) : p.text)).join('\n\n'),
  };
}
