/** The few styles the NHS.UK frontend does not provide; served at /assets/web/mainstay.css. */
export const MAINSTAY_CSS = `
.ms-money { font-variant-numeric: tabular-nums; white-space: nowrap; }
.ms-mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.9em; word-break: break-all; }
.ms-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0 1.5rem; }
.ms-figure { font-size: 2rem; font-weight: 600; margin: 0; }
.ms-inline-form { display: inline; }
.ms-chart { position: relative; width: 100%; min-height: 18rem; }
@media (max-width: 40.0525em) { .ms-figure { font-size: 1.5rem; } }
`;
