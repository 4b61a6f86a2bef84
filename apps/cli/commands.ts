import type { CommandRegistrar } from '../../kernel/cli';
import { registerAttritionCommand } from '../../modules/insight/cli/attrition-command';
import { registerInvoiceValidateCommand } from '../../modules/payables/cli/validate-command';
import { registerPayrollCalcCommand } from '../../modules/payroll/cli/calc-command';
import { registerBenchCommand } from './commands/bench-command';
import { registerFrameworkCommands } from './commands/framework-commands';
import { registerInsightCommands } from './commands/insight-commands';
import { registerInvoiceCommands } from './commands/invoice-commands';
import { registerLedgerCommands } from './commands/ledger-commands';
import { registerPayrollCommands } from './commands/payroll-commands';
import { registerPlatformCommands } from './commands/platform-commands';
import { registerProcurementCommands } from './commands/procurement-commands';

/** Every module's CLI commands, registered in the order `mainstay --help` lists them. */
export const commandRegistrars: CommandRegistrar[] = [
  registerPlatformCommands,
  registerLedgerCommands,
  registerFrameworkCommands,
  registerPayrollCalcCommand,
  registerPayrollCommands,
  registerAttritionCommand,
  registerInsightCommands,
  registerInvoiceValidateCommand,
  registerInvoiceCommands,
  registerProcurementCommands,
  registerBenchCommand,
];
