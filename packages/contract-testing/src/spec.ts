// Spec loading lives in @x/mock-servers (built JavaScript the app runs too).
export {
  HTTP_METHODS,
  type LoadedSpec,
  loadSpec,
  type Operation,
  pointerSegment,
} from '@x/mock-servers';
