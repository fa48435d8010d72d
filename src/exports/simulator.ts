/** The in-browser contact center for demos and tests: a production page does not need it. */
export {
  SimulatedContactCenter,
  type SimulatedChat,
  type SimulatedChatState,
  type SimulatedContactCenterOptions,
  type StartChatRequest,
} from '../connectors/simulated/simulated-contact-center.js';
export { SimulatedConnector } from '../connectors/simulated/simulated-connector.js';
