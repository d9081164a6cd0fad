import { PDFDocument } from 'pdf-lib';
import { TestServer } from './test-server';

/** A real PDF of `pages` blank pages, made with pdf-lib. */
export async function aPdf(pages = 1): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage();
  return Buffer.from(await pdf.save());
}

/** Uploads a document of the application through the public REST route, as the applicant; the response. */
export function uploadDocument(
  server: TestServer,
  applicationId: string,
  token: string,
  content: Buffer,
  kind: 'cv' | 'motivation' = 'cv',
): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'application/pdf' }), `${kind}.pdf`);
  return fetch(`${server.url}/applications/${applicationId}/${kind}`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
}

/** The applicant hands in a one-page CV (required before the commission can accept the application). */
export async function uploadACv(server: TestServer, applicationId: string, token: string): Promise<void> {
  const answer = await uploadDocument(server, applicationId, token, await aPdf(1));
  if (answer.status !== 201) throw new Error(`CV upload: ${answer.status} ${await answer.text()}`);
}
