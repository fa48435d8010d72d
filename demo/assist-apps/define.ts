import { SuggestedReplies } from '../../src/index.js';
import { CustomerApp } from './customer-app.js';

// The demo's agent assist apps, under the tags its configuration lists in `assistApps`.
if (!customElements.get('demo-suggested-replies')) customElements.define('demo-suggested-replies', SuggestedReplies);
if (!customElements.get('demo-customer-app')) customElements.define('demo-customer-app', CustomerApp);
