// The platform's own options type (what SimulatedContactCenter extends): the reference server
// reads this file too, and is type-checked without the DOM that src/index.ts needs.
import type { ConfigurationOptions } from '../src/platform/configuration.js';

/** The administrator's settings of the demo contact center (see SPEC.md, "Demo"). */
export const demoConfiguration: ConfigurationOptions = {
  maxConcurrentChats: 4,
  offerTimeoutMs: 45_000,
  // The blue timer warns after a minute without a reply, and alerts after two.
  waitWarningMs: 60_000,
  waitAlertMs: 120_000,
  directory: {
    agents: [
      { id: 'agent-1', name: 'Alex Martin', team: 'Tier 2', skills: ['Billing', 'Technical Support'] },
      { id: 'agent-2', name: 'Sam Rivera', team: 'Tier 2', skills: ['Billing', 'Technical Support'] },
    ],
    teams: [{ id: 'tier-2', name: 'Tier 2' }],
    skills: [
      { id: 'billing', name: 'Billing' },
      { id: 'technical-support', name: 'Technical Support' },
    ],
  },
  quickReplies: [
    {
      id: 'greeting',
      title: 'Greeting',
      category: 'Openers',
      text: 'Hello {{contact.name}}, my name is {{agent.name}}. How can I help you today?',
    },
    {
      id: 'one-moment',
      title: 'One moment',
      category: 'During the chat',
      text: 'Thank you for your patience, {{contact.name}}. I am looking into this now.',
    },
    {
      id: 'double-charge',
      title: 'Double charge',
      category: 'Billing',
      text: 'I am sorry you were charged twice, {{contact.name}}. I will refund the duplicate charge on your invoice today.',
    },
    {
      id: 'payment-method',
      title: 'Payment method',
      category: 'Billing',
      text: 'You can change your payment method in the customer portal, under Billing, or I can update it for you now.',
    },
    {
      id: 'modem-reset',
      title: 'Modem reset',
      category: 'Technical Support',
      text: 'Let us reset your modem: unplug it for 30 seconds, plug it back in and wait until its light is steady. Is your internet still slow?',
    },
    {
      id: 'portal-password',
      title: 'Portal password',
      category: 'Technical Support',
      text: 'I have sent a link to {{contact.email}} to reset your customer portal password; it expires in one hour.',
    },
    {
      id: 'closing',
      title: 'Closing',
      category: 'Closers',
      text: 'Is there anything else I can help you with today?',
    },
  ],
  dispositions: [
    { code: 'resolved', label: 'Resolved' },
    { code: 'follow-up', label: 'Follow-up needed' },
  ],
  // After-contact work gets three minutes, with Extend; what is left unsaved closes as Follow-up needed.
  acwTimeoutMs: 180_000,
  defaultDisposition: 'follow-up',
  unavailableReasons: [
    { code: 'lunch', label: 'Lunch' },
    { code: 'break', label: 'Break' },
    { code: 'training', label: 'Training' },
  ],
  tags: ['billing', 'vip'],
  // The chat's case and co-browsing (R15).
  advancedChat: true,
  customLinks: [
    { label: 'Customer lookup', url: 'https://crm.example.com/search?q={{contact.name}}' },
    { label: 'Knowledge base', url: 'https://help.example.com/' },
  ],
  // Custom elements that demo/assist-apps/define.ts registers (R16).
  assistApps: [
    { id: 'suggested-replies', title: 'Suggested replies', tag: 'demo-suggested-replies' },
    { id: 'customer', title: 'Customer', tag: 'demo-customer-app' },
  ],
};

/**
 * The demo agents' tokens on the reference server (`npm run server` without CONFIG serves
 * this configuration with them). Demo values: a real CONFIG sets its own secrets.
 */
export const demoAgentTokens: Readonly<Record<string, string>> = {
  'agent-1': 'demo-agent-1-token',
  'agent-2': 'demo-agent-2-token',
};
