import { invalid } from '../../kernel/errors';
import { buildFullPaymentSubmission } from './fps-builder';
import { fpsNamespace, parseTaxYear } from './tax-year';
import type { FpsInput } from './types';
import { fpsIssues } from './validate';
import { element, leaf, serialise } from './xml';

const GOVTALK_NAMESPACE = 'http://www.govtalk.gov.uk/CM/envelope';

/**
 * Writes an RTI Full Payment Submission in its GovTalk envelope. Names and
 * addresses are fitted to HMRC's character sets; every element is checked
 * against the FPS data dictionary (with the later-year changes in
 * fps-current-year-changes.json) and the cross-field rules, and any problem
 * refuses the whole submission with a DomainError naming each employee and field.
 *
 * Gateway credentials (SenderDetails) and the IRmark are left to the
 * submission client: they are not part of the payroll's figures.
 */
export function writeFullPaymentSubmission(input: FpsInput): string {
  const taxYear = parseTaxYear(input.taxYear);
  const body = buildFullPaymentSubmission(input, taxYear);
  const issues = fpsIssues(input, body, taxYear);
  if (issues.length > 0) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw invalid('hmrc-rti.invalid-fps', `The FPS cannot be written: ${issues[0]?.message}${more}`, issues);
  }
  const keys = () =>
    element('Keys', [
      leaf('Key', input.employer.officeNumber, undefined, { attributes: { Type: 'TaxOfficeNumber' } }),
      leaf('Key', input.employer.payeReference, undefined, { attributes: { Type: 'TaxOfficeReference' } }),
    ]);
  const envelope = element(
    'GovTalkMessage',
    [
      leaf('EnvelopeVersion', '2.0'),
      element('Header', [
        element('MessageDetails', [
          leaf('Class', 'HMRC-PAYE-RTI-FPS'),
          leaf('Qualifier', 'request'),
          leaf('Function', 'submit'),
          leaf('CorrelationID', ''),
          leaf('Transformation', 'XML'),
          leaf('GatewayTest', input.gatewayTest ? '1' : '0'),
        ]),
      ]),
      element('GovTalkDetails', [
        keys(),
        element('TargetDetails', [leaf('Organisation', 'IR')]),
        element('ChannelRouting', [
          element('Channel', [
            leaf('URI', input.channel.vendorId),
            leaf('Product', input.channel.product),
            leaf('Version', input.channel.version),
          ]),
          leaf('Timestamp', input.timestamp),
        ]),
      ]),
      element('Body', [
        element(
          'IRenvelope',
          [
            element('IRheader', [
              keys(),
              leaf('PeriodEnd', taxYear.lastDay),
              leaf('DefaultCurrency', 'GBP'),
              leaf('Sender', 'Employer'),
            ]),
            body,
          ],
          { attributes: { xmlns: fpsNamespace(taxYear) } },
        ),
      ]),
    ],
    { attributes: { xmlns: GOVTALK_NAMESPACE } },
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(envelope)}`;
}
