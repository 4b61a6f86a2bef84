// Every SQL statement of the payroll module, by area.

export * from './queries/batch-inputs';
export * from './queries/inputs';
export * from './queries/payslips';
export * from './queries/records';
export * from './queries/runs';
export * from './queries/self-service';
