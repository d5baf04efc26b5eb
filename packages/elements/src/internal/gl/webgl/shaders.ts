// GLSL ES 1.00 (WebGL 1) sources of the three draw commands. Device-pixel arithmetic
// mirrors the CPU raster (raster/), so both paths cover the same pixels.
import { MAX_COUNT } from '../cell-ranges.js';

/** One triangle over the whole viewport. */
export const FULLSCREEN_VERT = `
precision highp float;
attribute vec2 position;
void main() { gl_Position = vec4(position, 0.0, 1.0); }`;

/**
 * Cells: each fragment reads its column and row ranges (start, count) from two 1-pixel-
 * high lookup textures written per frame from cell-ranges.ts, takes the largest byte of
 * those cells from the packed cell texture (4 cells per RGBA texel; rows past the texture
 * height continue in tiles side by side), and looks its colour up in the 256-entry table.
 */
export const CELLS_FRAG = `
precision highp float;
uniform sampler2D cells, colRange, rowRange, lut;
uniform vec2 cellsSize;   // texture size in texels
uniform float tileRows;   // cell rows per tile
uniform float tileWidth;  // texels per tile row (ceil(cols / 4))
uniform vec2 view;        // frame size in device pixels
float byte(float v) { return floor(v * 255.0 + 0.5); }
vec2 range(sampler2D t, float k, float n) {
  vec4 v = texture2D(t, vec2((k + 0.5) / n, 0.5));
  return vec2(byte(v.r) * 256.0 + byte(v.g), byte(v.b));
}
void main() {
  float X = floor(gl_FragCoord.x);
  float Y = view.y - 1.0 - floor(gl_FragCoord.y);
  vec2 cr = range(colRange, X, view.x);
  vec2 rr = range(rowRange, Y, view.y);
  if (cr.y < 0.5 || rr.y < 0.5) discard;
  float m = 0.0;
  for (int di = 0; di < ${MAX_COUNT}; di++) {
    if (float(di) >= rr.y) break;
    float i = rr.x + float(di);
    float tile = floor((i + 0.5) / tileRows);
    float ty = i - tile * tileRows;
    for (int dj = 0; dj < ${MAX_COUNT}; dj++) {
      if (float(dj) >= cr.y) break;
      float j = cr.x + float(dj);
      float tx = floor((j + 0.5) / 4.0);
      float c = j - tx * 4.0;
      vec4 t = texture2D(cells, vec2((tile * tileWidth + tx + 0.5) / cellsSize.x, (ty + 0.5) / cellsSize.y));
      float v = c < 0.5 ? t.r : c < 1.5 ? t.g : c < 2.5 ? t.b : t.a;
      m = max(m, v);
    }
  }
  gl_FragColor = vec4(texture2D(lut, vec2((byte(m) + 0.5) / 256.0, 0.5)).rgb, 1.0);
}`;

/** Data → device pixels → clip space, y down. */
const TO_CLIP = `
uniform vec4 transform; // device px = (x * transform.x + transform.y, y * transform.z + transform.w)
uniform vec2 view;
vec2 device(vec2 p) { return vec2(p.x * transform.x + transform.y, p.y * transform.z + transform.w); }
vec4 clip(vec2 d) { return vec4(d.x / view.x * 2.0 - 1.0, 1.0 - d.y / view.y * 2.0, 0.0, 1.0); }`;

export const POINTS_VERT = `
precision highp float;
attribute vec2 position;
attribute vec4 color;
uniform float size;
varying vec4 vColor;
${TO_CLIP}
void main() {
  gl_Position = clip(device(position));
  gl_PointSize = size;
  vColor = color;
}`;

export const POINTS_FRAG = `
precision highp float;
uniform float circle;
varying vec4 vColor;
void main() {
  if (circle > 0.5) {
    vec2 q = gl_PointCoord - 0.5;
    if (dot(q, q) > 0.25) discard;
  }
  gl_FragColor = vColor;
}`;

/** Segments as instanced quads: corner = (along ∈ {0, 1}, side ∈ {−1, 1}). */
export const LINES_VERT = `
precision highp float;
attribute vec2 corner;
attribute vec2 a, b;
attribute vec4 color;
uniform float width;
varying vec4 vColor;
${TO_CLIP}
void main() {
  vec2 A = device(a);
  vec2 B = device(b);
  vec2 d = B - A;
  float len = length(d);
  vec2 u = len > 0.0 ? d / len : vec2(0.0);
  vec2 n = vec2(-u.y, u.x) * (0.5 * width);
  gl_Position = clip(mix(A, B, corner.x) + n * corner.y);
  vColor = color;
}`;

export const LINES_FRAG = `
precision highp float;
varying vec4 vColor;
void main() { gl_FragColor = vColor; }`;
