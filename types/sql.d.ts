/** Plain SQL migration files are imported as text (esbuild `text` loader; a Vitest plugin in tests). */
declare module '*.sql' {
  const text: string;
  export default text;
}
