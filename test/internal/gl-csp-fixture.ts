// Loaded inside a strict-CSP iframe by gl.test.ts: a GL host asking for WebGL.
import { LitElement, html } from 'lit';
import { CellLayer, GlController } from '../../packages/elements/src/internal/gl/index.js';

class CspGlHost extends LitElement {
  layer = new CellLayer().setCells(2, 2, new Uint8Array([0, 85, 170, 255])).setLut(new Uint8Array(1024).fill(200));
  gl = new GlController(this, {
    renderer: () => 'webgl',
    scene: () => ({
      width: 20,
      height: 20,
      pixelRatio: 1,
      background: [0, 0, 0, 255],
      transform: { sx: 10, sy: 10, tx: 0, ty: 0 },
      layers: [this.layer],
    }),
  });
  override render() {
    return html`${this.gl.canvas}`;
  }
}
customElements.define('csp-gl-host', CspGlHost);
