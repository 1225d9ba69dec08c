// Makes the workbench's world map, server/src/main/resources/org/exportguard/server/ui/world-110m.json, from
// Natural Earth's 1:110m Admin 0 countries as the npm package world-atlas 2.0.2 redistributes them (TopoJSON,
// ISO 3166-1 numeric ids), with the numeric-to-alpha-2 table of the npm package i18n-iso-countries (used here
// only; nothing of it is shipped). Run once by hand, output committed (see docs/architecture.md):
//   npm pack world-atlas@2.0.2 i18n-iso-countries@7.14.0   # then unpack both tarballs
//   node server/tools/make-world-map.js WORLD_ATLAS_DIR ISO_COUNTRIES_DIR > .../ui/world-110m.json
// The shapes are projected here (Natural Earth I projection) into SVG path data, so the page only draws them.
'use strict';
const fs = require('fs');
const path = require('path');

const [atlasDir, isoDir] = process.argv.slice(2);
const topo110 = JSON.parse(fs.readFileSync(path.join(atlasDir, 'countries-110m.json'), 'utf8'));
const topo50 = JSON.parse(fs.readFileSync(path.join(atlasDir, 'countries-50m.json'), 'utf8'));
const alpha2 = new Map(JSON.parse(fs.readFileSync(path.join(isoDir, 'codes.json'), 'utf8')).map((c) => [c[2], c[0]]));

const WIDTH = 1000;
const SCALE = WIDTH / (2 * Math.PI * 0.8707); // Natural Earth I: x spans 2 * pi * 0.8707 at the equator
const TOP = project(0, 90)[1];
const HEIGHT = Math.ceil(project(0, -60)[1] - TOP); // Antarctica is left out: nothing of it is a destination

// Natural Earth I projection (Savric, Patterson, Jenny 2011), y downwards, in map units.
function project(lon, lat) {
  const l = lon * Math.PI / 180;
  const p = lat * Math.PI / 180;
  const p2 = p * p;
  const p4 = p2 * p2;
  const x = l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)));
  const y = p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)));
  return [WIDTH / 2 + x * SCALE, -y * SCALE];
}

function arcs(topo) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => [(x += dx) * sx + tx, (y += dy) * sy + ty]);
  });
}

function ring(decoded, indexes) {
  const pts = [];
  for (const i of indexes) {
    const a = i < 0 ? decoded[~i].slice().reverse() : decoded[i];
    pts.push(...(pts.length ? a.slice(1) : a));
  }
  return pts;
}

function polygons(g) {
  return g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
}

const r1 = (v) => Math.round(v * 10) / 10;

// One ring as SVG path data: an absolute move, then relative lines at 0.1 map units (points closer are dropped).
function pathOf(points) {
  const xy = points.map(([lon, lat]) => project(lon, lat)).map(([x, y]) => [r1(x), r1(y - TOP)]);
  let d = 'M' + xy[0][0] + ' ' + xy[0][1];
  let [px, py] = xy[0];
  let n = 0;
  for (const [x, y] of xy.slice(1)) {
    const dx = r1(x - px);
    const dy = r1(y - py);
    if (dx === 0 && dy === 0) continue;
    d += 'l' + dx + ' ' + dy;
    px = r1(px + dx);
    py = r1(py + dy);
    n++;
  }
  return n >= 2 ? d + 'z' : '';
}

// A ring crossing the antimeridian (Russia's Chukotka, Fiji) is made continuous, beyond +-180 degrees, then cut
// into the part west and the part east of it (the projection's edge is curved, so a viewBox cannot cut it).
function wrapped(points) {
  const out = [points[0].slice()];
  for (const [lon, lat] of points.slice(1)) {
    let l = lon;
    const prev = out[out.length - 1][0];
    while (l - prev > 180) l -= 360;
    while (prev - l > 180) l += 360;
    out.push([l, lat]);
  }
  const lons = out.map((p) => p[0]);
  const shift = Math.max(...lons) > 180 ? -360 : Math.min(...lons) < -180 ? 360 : 0;
  if (shift === 0) return [out];
  return [out, out.map(([lon, lat]) => [lon + shift, lat])]
    .map((r) => clip(clip(r, -180, 1), 180, -1)).filter((r) => r.length > 2);
}

// Sutherland-Hodgman against one meridian: keeps the side where side * (lon - at) >= 0.
function clip(points, at, side) {
  const inside = (p) => side * (p[0] - at) >= 0;
  const cut = (a, b) => [at, a[1] + (b[1] - a[1]) * (at - a[0]) / (b[0] - a[0])];
  const out = [];
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    if (inside(a)) {
      out.push(a);
      if (!inside(b)) out.push(cut(a, b));
    } else if (inside(b)) {
      out.push(cut(a, b));
    }
  }
  return out;
}

const decoded110 = arcs(topo110);
const shapes = {};
const unkeyed = [];
for (const g of topo110.objects.countries.geometries) {
  const code = alpha2.get(g.id);
  if (code === 'AQ') continue;
  const d = polygons(g).map((poly) => poly.map((r) => wrapped(ring(decoded110, r)).map(pathOf).join('')).join('')).join('');
  if (!d) continue;
  if (code) shapes[code] = (shapes[code] || '') + d;
  else unkeyed.push(d); // areas Natural Earth gives no ISO code (Kosovo, N. Cyprus, Somaliland)
}

// Countries too small for 1:110m get a point: the centre of their largest ring at 1:50m.
const decoded50 = arcs(topo50);
const points = {};
for (const g of topo50.objects.countries.geometries) {
  const code = alpha2.get(g.id);
  if (!code || shapes[code] || code === 'AQ' || points[code]) continue;
  let best = null;
  for (const poly of polygons(g)) {
    const pts = ring(decoded50, poly[0]);
    if (!best || pts.length > best.length) best = pts;
  }
  if (!best) continue;
  const lon = best.reduce((s, p) => s + p[0], 0) / best.length;
  const lat = best.reduce((s, p) => s + p[1], 0) / best.length;
  const [x, y] = project(lon, lat);
  points[code] = [r1(x), r1(y - TOP)];
}

process.stdout.write(JSON.stringify({
  source: 'Natural Earth 1:110m Admin 0 countries (v4.1.0; points for smaller countries from 1:50m), '
    + 'as redistributed by the npm package world-atlas 2.0.2; projected (Natural Earth I) and keyed by '
    + 'ISO 3166-1 alpha-2 by server/tools/make-world-map.js',
  licence: 'Natural Earth: public domain. world-atlas: ISC, Copyright 2013-2019 Michael Bostock (see NOTICE)',
  viewBox: [0, 0, WIDTH, HEIGHT],
  shapes,
  points,
  unkeyed,
}) + '\n');
