// Scope templates and the example opened by "Scope: Open Example Scope" are bundled into dist/client.js as text by esbuild's text loader (esbuild.mjs),
// because the .vsix ships dist/ but not templates/ or examples/.
declare module '*.scope.yaml' {
  const text: string;
  export default text;
}
