/** Read by `cem analyze` (npm run analyze) from the project root. */
export default {
  // package.json names the manifest itself; with --outdir the analyzer would point it elsewhere.
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order its glob walk finds files, which varies
      // from run to run; sorted, custom-elements.json changes only when the sources do.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        // Code-unit order, not localeCompare: the same on every machine whatever its locale.
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
