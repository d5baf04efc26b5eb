// WebGL works in the headless test browser (SwiftShader when there is no GPU) and regl,
// a CommonJS package, loads through the commonjs plugin and draws exact pixels.
import createREGL from 'regl';
import { aTimeout, expect } from '../harness/index.js';

function canvas(size = 8): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = c.height = size;
  document.body.append(c);
  return c;
}

describe('WebGL in the test browser', () => {
  afterEach(() => document.querySelectorAll('canvas').forEach((c) => c.remove()));

  it('creates WebGL 1 and WebGL 2 contexts', () => {
    const gl1 = canvas().getContext('webgl');
    const gl2 = canvas().getContext('webgl2');
    expect(gl1, 'webgl').to.be.instanceOf(WebGLRenderingContext);
    expect(gl2, 'webgl2').to.be.instanceOf(WebGL2RenderingContext);
    const info = gl1!.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? gl1!.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl1!.getParameter(gl1!.RENDERER);
    expect(renderer).to.be.a('string').and.not.equal('');
  });

  it('draws with regl and reads back the expected colour', () => {
    const c = canvas(4);
    const regl = createREGL({ canvas: c, attributes: { antialias: false, preserveDrawingBuffer: true } });
    try {
      const draw = regl({
        vert: `
          precision mediump float;
          attribute vec2 position;
          void main() { gl_Position = vec4(position, 0.0, 1.0); }`,
        frag: `
          precision mediump float;
          uniform vec4 color;
          void main() { gl_FragColor = color; }`,
        // One triangle covering the whole clip space.
        attributes: { position: [-1, -1, 3, -1, -1, 3] },
        uniforms: { color: [1, 0.5, 0, 1] },
        count: 3,
      });
      regl.clear({ color: [0, 0, 0, 1] });
      draw();
      const pixels = regl.read();
      expect(pixels.length).to.equal(4 * 4 * 4);
      for (let i = 0; i < pixels.length; i += 4) {
        const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
        expect(r).to.equal(255);
        expect(g).to.be.within(127, 128);
        expect(b).to.equal(0);
        expect(a).to.equal(255);
      }
    } finally {
      regl.destroy();
    }
  });

  it('reports a lost context and restores it', async () => {
    const gl = canvas().getContext('webgl')!;
    const lose = gl.getExtension('WEBGL_lose_context');
    expect(lose, 'WEBGL_lose_context').to.not.equal(null);
    // Without preventDefault() on the loss event the context can never be restored.
    const lost = new Promise((resolve) =>
      gl.canvas.addEventListener(
        'webglcontextlost',
        (event) => {
          event.preventDefault();
          resolve(event);
        },
        { once: true },
      ),
    );
    lose!.loseContext();
    await lost;
    expect(gl.isContextLost()).to.equal(true);
    // Chromium refuses restoreContext() within the task that dispatched the loss.
    await aTimeout(0);
    const restored = new Promise((resolve) =>
      gl.canvas.addEventListener('webglcontextrestored', resolve, { once: true }),
    );
    lose!.restoreContext();
    await restored;
    expect(gl.isContextLost()).to.equal(false);
  });
});
