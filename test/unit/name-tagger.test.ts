// The learned name tagger: the sequence model's learning and decoding, deterministic training, the shipped
// model file, and a table of real-world name patterns through the whole engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { bioTransitions, NAME_LABELS, shippedNameModel, spansOf } from '../../server/src/core/names/nameTagger';
import { deserializeModel, emissionScores, serializeModel, trainPerceptron, viterbi, type TrainingSequence } from '../../server/src/core/names/perceptron';
import { readGumDocuments } from '../../server/src/train/gumData';
import { trainNameModel } from '../../server/src/train/trainNames';
import { analyze } from './helpers';
import { paragraphEmissions, paragraphFeatures } from '../../server/src/core/names/features';
import { knowledgeBaseNameWords } from '../../server/src/core/names/nameTagger';
import { defaultKnowledgeBase } from '../../server/src/core/knowledgeBase';
import { lexicon } from '../../server/src/core/lexicon';
import { paragraphSlots } from '../../server/src/core/slots';
import { splitParagraphs, tokenize } from '../../server/src/core/text';

const repo = path.resolve(__dirname, '../../..');

test('perceptron: learns a toy tagging task and decodes within the BIO constraints', () => {
  // Names are the capitalised words right after "mr"; other capitalised words are not names. 1 = B, 2 = I.
  const seq = (tagged: [string, number][]): TrainingSequence => ({
    features: tagged.map(([w], i) => [`w=${w}`, `cap=${/^[A-Z]/.test(w)}`, `prev=${tagged[i - 1]?.[0] ?? '^'}`, `prevcap=${/^[A-Z]/.test(tagged[i - 1]?.[0] ?? '')}`]),
    labels: tagged.map(([, y]) => y),
  });
  const data = [
    seq([['mr', 0], ['Smith', 1], ['said', 0], ['Monday', 0], ['was', 0], ['fine', 0]]),
    seq([['then', 0], ['mr', 0], ['Jones', 1], ['Brown', 2], ['left', 0], ['Paris', 0]]),
    seq([['London', 0], ['saw', 0], ['mr', 0], ['Lee', 1]]),
    seq([['mr', 0], ['Kim', 1], ['Park', 2], ['met', 0], ['mr', 0], ['Ode', 1]]),
  ];
  const model = trainPerceptron(NAME_LABELS, bioTransitions(), data, { epochs: 10, seed: 7 });
  const test1 = seq([['mr', 0], ['Ode', 1], ['Park', 2], ['left', 0], ['Paris', 0]]);
  const got = viterbi(model, emissionScores(model, test1.features), test1.features.length);
  assert.deepEqual(got, test1.labels);
  // An I right after O is never produced, whatever the scores say.
  const forced = { ...model, transitions: model.transitions.map(() => 0) };
  const scores = new Float64Array(3 * 3);
  scores[0 * 3 + 0] = 5; // position 0 strongly O
  scores[1 * 3 + 2] = 10; // position 1 strongly I
  const path1 = viterbi(forced, scores, 3);
  assert.notDeepEqual(path1.slice(0, 2), [0, 2]);
  assert.deepEqual(spansOf([0, 1, 2, 0, 1, 0, 2]), [[1, 3], [4, 5], [6, 7]]);
});

test('training is deterministic: the same documents give the same model bytes', () => {
  const { documents } = readGumDocuments();
  assert.ok(documents.length >= 90, `the shared GUM documents are there (found ${documents.length})`);
  const some = documents.filter((_, i) => i % 12 === 0);
  const a = JSON.stringify(serializeModel(trainNameModel(some)));
  const b = JSON.stringify(serializeModel(trainNameModel(some)));
  assert.equal(a, b);
  const other = JSON.stringify(serializeModel(trainNameModel(documents.filter((_, i) => i % 12 === 1))));
  assert.notEqual(a, other, 'other documents give another model');
});

test('the shipped model is what `npm run train` builds from the shared data, and loads in the pure engine', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nl-train-')), 'model.json');
  execFileSync(process.execPath, [path.join(repo, 'out/server/src/train/trainNames.js'), '--out', out], { stdio: 'pipe' });
  const shippedFile = path.join(repo, 'server/data/name-tagger.json');
  assert.equal(fs.readFileSync(out, 'utf8'), fs.readFileSync(shippedFile, 'utf8'), 'server/data/name-tagger.json is stale: run `npm run train`');
  const raw = JSON.parse(fs.readFileSync(shippedFile, 'utf8'));
  assert.ok(fs.statSync(shippedFile).size <= 3e6, 'the model file stays under 3 MB');
  assert.deepEqual(raw.labels, NAME_LABELS);
  const model = shippedNameModel();
  assert.equal(model.weights.size, raw.features.length);
  assert.equal(deserializeModel(raw).weights.size, model.weights.size);
});

test('the tagger scores a paragraph exactly as its training features do (spelling features summed once per spelling)', () => {
  const model = shippedNameModel();
  const lex = lexicon();
  const words = knowledgeBaseNameWords(defaultKnowledgeBase());
  for (const text of ['Russian President Vladimir Putin spoke to Israeli PM Benjamin Netanyahu on Monday.', 'Putin said: "We will see." Putin, Putin and Putin again; Ms Lydia Buchtmann of Food Standards Australia New Zealand.']) {
    const tokens = tokenize(text);
    const slots = paragraphSlots(text, tokens, lex);
    // Twice: the second time from the spelling caches.
    for (let k = 0; k < 2; k++) assert.deepEqual([...paragraphEmissions(model, tokens, slots, lex, words)], [...emissionScores(model, paragraphFeatures(tokens, slots, lex, words))]);
  }
});

test('the run-time scores equal the training features\' on every paragraph of the shared GUM documents', () => {
  // The context features' weights are looked up by their parts at run time, their names built only for
  // training: every feature template, slot, shape and run position the data has goes through both.
  const model = shippedNameModel();
  const lex = lexicon();
  const words = knowledgeBaseNameWords(defaultKnowledgeBase());
  const { documents } = readGumDocuments();
  let paragraphs = 0;
  for (const doc of documents) {
    for (const p of splitParagraphs(doc.text)) {
      const tokens = tokenize(p.text);
      const slots = paragraphSlots(p.text, tokens, lex);
      const fast = paragraphEmissions(model, tokens, slots, lex, words);
      const slow = emissionScores(model, paragraphFeatures(tokens, slots, lex, words));
      assert.ok(fast.length === slow.length && fast.every((v, i) => Object.is(v, slow[i])), `${doc.id}: paragraph at ${p.start}`);
      paragraphs++;
    }
  }
  assert.ok(paragraphs > 1000, `${paragraphs} paragraphs`);
});

// Real-world patterns: the names a reader sees, their exact extent, and what is not a name.
const PATTERNS: { name: string; text: string; names: string[]; notNames?: string[] }[] = [
  { name: 'a surname alone after a verb', text: 'During the call, Putin briefed Netanyahu on the talks.', names: ['Putin', 'Netanyahu'] },
  { name: 'a title is not part of the name', text: 'Israeli PM Benjamin Netanyahu spoke. Later, PM Netanyahu left.', names: ['Benjamin Netanyahu', 'Netanyahu'], notNames: ['PM Netanyahu'] },
  { name: 'a name after a lower-case role noun', text: 'The award went to Facebook co-founder Mark Zuckerberg and to actor Jason Beghe.', names: ['Mark Zuckerberg', 'Jason Beghe'] },
  { name: 'a surname at the start of a sentence, after the full name', text: 'Sehar Memon, the association president, spoke first. Memon also said she was hopeful.', names: ['Sehar Memon', 'Memon'] },
  { name: 'a US state is no person', text: 'Robert Sarvis is running for governor of Virginia. Virginia votes in November.', names: ['Robert Sarvis'], notNames: ['Virginia'] },
  { name: 'organisations and places are not people', text: 'The Ministry of Defence said on Tuesday that the Gaza Strip was closed.', names: [], notNames: ['Ministry of Defence', 'Gaza Strip', 'Defence'] },
  { name: 'a caption credit', text: 'Protesters outside the court. Image: Nick Moreau.', names: ['Nick Moreau'] },
  { name: 'names with particles', text: 'Ursula von der Leyen met Abdel Fattah el-Sisi in Cairo.', names: ['Ursula von der Leyen', 'Abdel Fattah el-Sisi'] },
];

for (const p of PATTERNS) {
  test(`names: ${p.name}`, () => {
    const { a } = analyze(p.text);
    const found = a.entities.filter((e) => e.type === 'person').flatMap((e) => e.mentions.filter((m) => m.form === 'name').map((m) => m.text));
    for (const n of p.names) assert.ok(found.includes(n), `${n} not among ${JSON.stringify(found)}`);
    for (const n of p.notNames ?? []) assert.ok(!found.includes(n), `${n} wrongly a name (${JSON.stringify(found)})`);
  });
}
