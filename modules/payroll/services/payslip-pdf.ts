import PDFDocument from 'pdfkit';
import { formatPounds } from '../../../kernel/money';
import type { PayslipLineView } from '../domain/payslip-view';
import type { PayslipDocument } from './payslips';

const pounds = (pence: number) => formatPounds(BigInt(pence));

/**
 * The payslip as a PDF: the same figures and lines as the web page, with
 * year-to-date figures and, at the end, why each line is what it is. The
 * document's dates come from the run, so the same payslip always gives the
 * same file.
 */
export function renderPayslipPdf(payslip: PayslipDocument): Promise<Buffer> {
  const document = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: {
      Title: `Payslip ${payslip.run.periodName} – ${payslip.employee.name}`,
      Author: 'Mainstay payroll',
      CreationDate: new Date(`${payslip.run.payDate}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });

  const width = document.page.width - 96;
  const row = (label: string, amount: string, options: { bold?: boolean } = {}) => {
    const y = document.y;
    document.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    document.text(label, 48, y, { width: width - 110 });
    const after = document.y;
    document.text(amount, 48 + width - 100, y, { width: 100, align: 'right' });
    document.y = Math.max(after, document.y);
  };
  const heading = (text: string) => {
    document.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(text, 48);
    document.moveDown(0.2);
  };
  const lines = (items: readonly PayslipLineView[]) => {
    for (const line of items) row(line.label, pounds(line.amount));
  };

  document.font('Helvetica-Bold').fontSize(18).text('Payslip', 48);
  document.font('Helvetica').fontSize(10);
  document.text(`${payslip.employee.name} · payroll number ${payslip.employee.payrollNumber}`);
  document.text(`${payslip.run.periodName} · paid ${payslip.run.payDate} · ${payslip.employer}`);
  document.text(
    `Tax code ${payslip.taxCode}${payslip.week1Month1 ? ' (week 1/month 1)' : ''} · NI letter ${payslip.niLetter}${payslip.employee.niNumber ? ` · NI number ${payslip.employee.niNumber}` : ''}`,
  );
  if (payslip.bankAccount) document.text(`Paid to ${payslip.bankAccount}`);

  heading('Pay');
  lines(payslip.pay);
  row('Gross pay', pounds(payslip.figures.gross), { bold: true });
  heading('Deductions');
  lines(payslip.deductions);
  row('Net pay', pounds(payslip.figures.netPay), { bold: true });
  heading('Year to date');
  row('Taxable pay', pounds(payslip.ytd.taxable));
  row('Tax', pounds(payslip.ytd.tax));
  row('National Insurance', pounds(payslip.ytd.employeeNi));
  row('NHS Pension', pounds(payslip.ytd.pensionEmployee));
  if (payslip.ytd.studentLoan > 0) row('Student loan', pounds(payslip.ytd.studentLoan));
  heading('Your employer also paid');
  lines(payslip.employerCosts);

  heading('How each figure was worked out');
  document.font('Helvetica').fontSize(9);
  for (const line of [...payslip.pay, ...payslip.deductions]) {
    if (!line.explanation) continue;
    document.font('Helvetica-Bold').text(line.label, { continued: false });
    document.font('Helvetica').text(line.explanation.text, { width });
    document.moveDown(0.3);
  }
  if (!payslip.explanationsMatch) {
    document
      .moveDown()
      .text(
        'The figures shown are those paid; the rules in force today do not reproduce them, so no explanation is shown.',
      );
  }
  document.end();
  return finished;
}
