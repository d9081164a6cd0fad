import { checkCvPdf } from '../../admissions/src/cv-document';
import { pdfText } from '../../../test/support/pdf-text';
import { demoCv } from './demo-cv';

describe('the demo applicants’ CV', () => {
  it.each(['Tomás Ruiz', 'Jan Łukasiewicz', 'Eleni Παπαδόπουλος'])('prints %s and passes the CV check', async (name) => {
    const cv = await demoCv(name);
    await expect(checkCvPdf(cv)).resolves.toBeUndefined();
    const { pages, lines } = await pdfText(cv);
    expect(pages).toBe(1);
    expect(lines.map((line) => line.text)).toEqual([`Curriculum vitae: ${name}`]);
  });
});
