// Organisations named in a paragraph: a capitalised run with an organisation word ("Ministry of Defence",
// "The Moscow Times"), and the offices of people ("Netanyahu's Office"), which speak for them.
import { adjacent } from '../slots';
import type { Token } from '../text';
import type { Candidate } from './candidates';

export function orgCandidate(tokens: Token[], i: number, j: number): Candidate[] {
  // Keep "The" of "The Moscow Times" as part of the organisation's name.
  const from = i > 0 && tokens[i - 1].lower === 'the' && tokens[i - 1].cap && adjacent(tokens, i - 1, i) ? i - 1 : i;
  const name = tokens.slice(from, j).map((t) => t.text).join(' ');
  return [
    {
      kind: 'org',
      form: 'name',
      start: tokens[from].start,
      end: tokens[j - 1].end,
      sentence: tokens[i].sentence,
      tokenFrom: from,
      tokenTo: j,
      orgName: name,
    },
  ];
}

/** "Netanyahu's Office", "the office of X": an organisation that speaks for a person. */
export function addOfficeOrganisations(tokens: Token[], candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.kind !== 'person' && c.kind !== 'maybe-person') continue;
    const pos = tokens[c.tokenTo];
    const head = tokens[c.tokenTo + 1];
    if (pos && (pos.text === "'s" || pos.text === '’s') && head && /^(office|spokesman|spokeswoman|spokesperson|government|administration|cabinet|party|campaign)$/i.test(head.text)) {
      candidates.push({
        kind: 'org',
        form: 'name',
        start: c.start,
        end: head.end,
        sentence: c.sentence,
        tokenFrom: c.tokenFrom,
        tokenTo: c.tokenTo + 2,
        orgName: `${tokens.slice(c.tokenFrom, c.tokenTo).map((t) => t.text).join(' ')}'s ${head.text}`,
        ownerStart: c.start,
      });
    }
  }
}
