import { readFile, stat } from 'node:fs/promises';
import { type CliRuntime, type CommandRegistrar, commandGroup } from '../../../kernel/cli';
import {
  DEFAULT_XML_LIMITS,
  type Finding,
  inputFinding,
  type ValidationProfile,
  type ValidationReport,
  validateInvoiceXml,
} from '../../../standards/peppol-ubl';

/**
 * `mainstay invoice validate FILE... [--json]`: validates each file as a PEPPOL BIS Billing 3.0
 * UBL invoice or credit note. With --json, one line per file:
 * {"file", "valid", "issues": [{rule, severity, message, location}]}. Exit code 1 when any
 * file has a fatal issue; a file that cannot be read is reported (MAINSTAY-FILE-READ), never fatal to the run.
 */
type ValidateOptions = { json?: boolean; profile: string };

const PROFILES: readonly ValidationProfile[] = ['auto', 'peppol', 'en16931'];

async function validateFile(file: string, profile: ValidationProfile): Promise<ValidationReport> {
  try {
    const size = (await stat(file)).size;
    if (size > DEFAULT_XML_LIMITS.maxLength * 4) {
      const finding = inputFinding('MAINSTAY-XML-LIMIT', `The file is ${size} bytes.`);
      return { valid: false, profile: undefined, documentType: undefined, findings: [finding] };
    }
    return validateInvoiceXml(await readFile(file), { profile });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      valid: false,
      profile: undefined,
      documentType: undefined,
      findings: [inputFinding('MAINSTAY-FILE-READ', detail)],
    };
  }
}

const issueOf = (finding: Finding) => ({
  rule: finding.rule,
  severity: finding.severity,
  message: finding.message,
  location: finding.location,
});

function printSummary(runtime: CliRuntime, file: string, report: ValidationReport): void {
  const fatal = report.findings.filter((finding) => finding.severity === 'fatal');
  const warnings = report.findings.length - fatal.length;
  const kind = report.documentType === undefined ? '' : ` (${report.documentType})`;
  const counts = `${fatal.length} fatal, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  runtime.out(`${report.valid ? 'valid  ' : 'INVALID'} ${file}${kind}: ${counts}`);
  for (const finding of report.findings) {
    runtime.out(`  ${finding.severity.padEnd(7)} ${finding.rule}  ${finding.location}`);
    runtime.out(`          ${finding.message}`);
  }
}

export const registerInvoiceValidateCommand: CommandRegistrar = (program, runtime) => {
  commandGroup(program, 'invoice', 'Supplier invoices: validate, import')
    .command('validate')
    .description(
      'Validate PEPPOL BIS Billing 3.0 UBL invoices and credit notes against the EN 16931 and PEPPOL rules',
    )
    .argument('<files...>', 'UBL XML files')
    .option('--json', 'print one JSON line per file')
    .option(
      '--profile <profile>',
      'rule set: auto (by the declared specification, default), peppol (EN 16931 + PEPPOL) or en16931',
      'auto',
    )
    .action(async (files: string[], options: ValidateOptions) => {
      const profile = PROFILES.find((candidate) => candidate === options.profile);
      if (profile === undefined) {
        runtime.note(`unknown --profile "${options.profile}": use ${PROFILES.join(' or ')}`);
        process.exitCode = 2;
        return;
      }
      let invalid = 0;
      for (const file of files) {
        const report = await validateFile(file, profile);
        if (!report.valid) invalid++;
        if (options.json) {
          runtime.out(JSON.stringify({ file, valid: report.valid, issues: report.findings.map(issueOf) }));
        } else {
          printSummary(runtime, file, report);
        }
      }
      if (!options.json) runtime.note(`${files.length - invalid} of ${files.length} valid`);
      process.exitCode = invalid > 0 ? 1 : 0;
    });
};
