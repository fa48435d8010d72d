import type { Contact } from '../src/index.js';

/** The fake CRM around the workspace: a customer list and a record pane. */

const customers = [
  { name: 'Marie Tremblay', account: 'NW-10482', plan: 'Fibre 500', cases: 1 },
  { name: 'Jean-François Roy', account: 'NW-10977', plan: 'TV + Internet', cases: 0 },
  { name: 'Priya Natarajan', account: 'NW-11230', plan: 'Mobile Plus', cases: 2 },
  { name: 'Olivier Gagnon', account: 'NW-11511', plan: 'Fibre 1G', cases: 0 },
  { name: 'Emily Chen', account: 'NW-12004', plan: 'Internet 100', cases: 1 },
  { name: 'Sophie Côté', account: 'NW-12387', plan: 'Fibre 500', cases: 0 },
  { name: 'Daniel Okafor', account: 'NW-12690', plan: 'Mobile Basic', cases: 3 },
  { name: 'Chloé Bouchard', account: 'NW-13015', plan: 'TV + Internet', cases: 0 },
];

/** The CRM's record of a customer, by name, for the "Customer" assist app. */
export function customerRecord(name: string): Readonly<(typeof customers)[number]> | undefined {
  return customers.find((customer) => customer.name === name);
}

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

export function renderCustomers(): void {
  const body = document.querySelector('#customers');
  if (!body) return;
  for (const customer of customers) {
    const row = document.createElement('tr');
    row.dataset.name = customer.name;
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = customer.name;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      showCustomerRecord({ name: customer.name });
    });
    const name = document.createElement('td');
    name.append(link);
    row.append(name, cell(customer.account), cell(customer.plan), cell(String(customer.cases)));
    body.append(row);
  }
}

/** Fills the record pane; contact data is shown with textContent, never as HTML. */
export function showCustomerRecord(contact: Contact, skill?: string): void {
  const pane = document.querySelector('#record');
  if (!pane) return;
  const known = customers.find((customer) => customer.name === contact.name);
  document.querySelectorAll<HTMLTableRowElement>('#customers tr').forEach((row) => {
    row.classList.toggle('selected', row.dataset.name === contact.name);
  });
  const heading = document.createElement('h2');
  heading.textContent = contact.name;
  const details = document.createElement('dl');
  const rows: [string, string][] = [
    ['Account', known?.account ?? 'New customer'],
    ['Plan', known?.plan ?? '—'],
    ['Email', contact.email ?? '—'],
    ['Open cases', String(known?.cases ?? 0)],
  ];
  for (const [term, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    details.append(dt, dd);
  }
  const children: Node[] = [heading, details];
  if (skill) {
    const pop = document.createElement('p');
    pop.className = 'crm-pop';
    pop.textContent = `Opened from a ${skill} chat`;
    children.unshift(pop);
  }
  pane.replaceChildren(...children);
}
