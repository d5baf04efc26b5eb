// The browser pipeline compiles Lit's legacy decorators the way the element build does:
// a decorated field with an initialiser must stay a reactive accessor (this breaks if
// esbuild sees `useDefineForClassFields: true`, which shadows the accessor with a field).
import { LitElement, css, html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { expect, fixture, html, shadowQuery } from '../harness/index.js';

class InfraGreeting extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  /** Who to greet. */
  @property() name = 'world';

  /** Reflected so CSS and tests can see it. */
  @property({ type: Number, reflect: true }) count = 0;

  override render() {
    return litHtml`<p>Hello, ${this.name}! (${this.count})</p>`;
  }
}
if (!customElements.get('infra-greeting')) customElements.define('infra-greeting', InfraGreeting);

describe('Lit in the browser test pipeline', () => {
  it('renders a decorated element into its shadow root', async () => {
    const el = await fixture<InfraGreeting>(html`<infra-greeting name="classlens"></infra-greeting>`);
    expect(shadowQuery(el, 'p').textContent).to.equal('Hello, classlens! (0)');
  });

  it('keeps decorated fields with initialisers reactive', async () => {
    const el = await fixture<InfraGreeting>(html`<infra-greeting></infra-greeting>`);
    expect(Object.prototype.hasOwnProperty.call(el, 'count')).to.equal(false, 'count is an own field, not an accessor');
    el.count = 3;
    await el.updateComplete;
    expect(el.getAttribute('count')).to.equal('3');
    expect(shadowQuery(el, 'p').textContent).to.equal('Hello, world! (3)');
  });

  it('adopts the static styles', async () => {
    const el = await fixture<InfraGreeting>(html`<infra-greeting></infra-greeting>`);
    expect(getComputedStyle(el).display).to.equal('block');
  });
});
