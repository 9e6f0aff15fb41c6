// The New Scope File template is bundled into dist/cli.js as text by esbuild's text loader
// (esbuild.mjs), as in the client: `scope-lint init --scope` must not depend on templates/ at run time.
declare module '*.scope.yaml' {
  const text: string;
  export default text;
}
