// The Prism copy of a spec is made by @x/mock-servers (built JavaScript the app runs too).
export {
  breakReferenceCycles,
  derivePrismDocument,
  dropContradictingExamples,
  prismSafeName,
  removePrismSpec,
  writePrismSpec,
} from '@x/mock-servers';
