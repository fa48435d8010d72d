import { expect } from '@open-wc/testing';
import { templates } from '../../src/i18n/locales/fr-CA.js';

/** The French catalogue, as `npm test` extracts it from the sources before the run. */
async function catalogue() {
  const response = await fetch(new URL('../../src/i18n/xliff/fr-CA.xlf', import.meta.url));
  const xliff = new DOMParser().parseFromString(await response.text(), 'application/xml');
  return Array.from(xliff.querySelectorAll('trans-unit'), (unit) => ({
    id: unit.getAttribute('id') ?? '',
    source: unit.querySelector('source')?.textContent ?? '',
    target: unit.querySelector('target')?.textContent?.trim() ?? '',
  }));
}

describe('fr-CA', () => {
  it('translates every string of the interface', async () => {
    const units = await catalogue();
    expect(units.length).to.be.greaterThan(100);
    const missing = units.filter((unit) => unit.target === '').map((unit) => unit.source);
    expect(missing, 'strings without French').to.deep.equal([]);
    expect(Object.keys(templates).sort(), 'the built catalogue matches the XLIFF').to.deep.equal(
      units.map((unit) => unit.id).sort(),
    );
  });

  it("uses the help page's words for the contract's controls", async () => {
    const french = new Map((await catalogue()).map((unit) => [unit.source, unit.target]));
    const expected: Record<string, string> = {
      'Agent state': "État de l'agent",
      Available: 'Disponible',
      Unavailable: 'Indisponible',
      Refused: 'Refusé',
      Accept: 'Accepter',
      Reject: 'Rejeter',
      'Quick replies': 'Réponses rapides',
      Insert: 'Insérer',
      Transfer: 'Transférer',
      'End chat': 'Terminer le clavardage',
      'Copy all chat content': 'Copier tout le contenu du clavardage',
      'Save and close': 'Enregistrer et fermer',
      'New engagement': 'Nouvel engagement',
      Message: 'Message',
    };
    for (const [english, target] of Object.entries(expected)) {
      expect(french.get(english), english).to.equal(target);
    }
  });
});
