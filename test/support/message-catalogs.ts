/** A message catalog as i18next reads one: nested objects of messages. */
export type MessageTree = { [key: string]: string | MessageTree };

/** key → message, nested objects flattened to "a.b.c"; "//" entries are notes for translators. */
export function flattenMessages(tree: MessageTree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (key === '//') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [inner, text] of flattenMessages(value, path)) flat.set(inner, text);
  }
  return flat;
}

/** The names of a message's {{placeholders}}, in order of appearance ("{{date, datetime}}" → "date"). */
export const placeholderNames = (message: string): string[] => [...message.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]);
