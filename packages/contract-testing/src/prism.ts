// The Prism starter lives in @x/mock-servers (built JavaScript the app runs too).
export {
  freePort,
  type PrismServer,
  PrismStartError,
  type StartPrismOptions,
  startPrism,
} from '@x/mock-servers';
