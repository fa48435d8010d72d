import { expect } from '@open-wc/testing';
import { fillTemplate, safeHttpUrl, templateVariables } from '../../src/internal/template.js';

describe('template variables', () => {
  it('lists each variable once, in order', () => {
    expect(templateVariables('Hi {{contact.name}}, I am {{ agent.name }}. {{contact.name}}!')).to.deep.equal([
      'contact.name',
      'agent.name',
    ]);
  });

  it('fills known variables, encodes them when asked, and leaves unknown ones visible', () => {
    const values = { 'contact.name': 'Jean-François & Co', 'agent.name': 'Alex' };
    expect(fillTemplate('Hi {{contact.name}} from {{agent.name}} ({{case.id}})', values)).to.equal(
      'Hi Jean-François & Co from Alex ({{case.id}})',
    );
    expect(fillTemplate('https://crm.example.com/?q={{contact.name}}', values, encodeURIComponent)).to.equal(
      'https://crm.example.com/?q=Jean-Fran%C3%A7ois%20%26%20Co',
    );
  });

  it('accepts only http and https URLs', () => {
    expect(safeHttpUrl('https://help.example.com/a b')).to.equal('https://help.example.com/a%20b');
    expect(safeHttpUrl('http://example.com')).to.equal('http://example.com/');
    for (const unsafe of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'mailto:a@b.c', 'www.example.com', '']) {
      expect(safeHttpUrl(unsafe), unsafe).to.equal(undefined);
    }
  });
});
