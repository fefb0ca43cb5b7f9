// Organisations named in a paragraph: a capitalised run with an organisation word ("Ministry of Defence",
// "The Moscow Times"), and the offices of people ("Netanyahu's Office"), which speak for them.
import { adjacent, type Slot } from '../slots';
import type { Token } from '../text';
import type { Candidate } from './candidates';

// Last words of newspapers' names, which keep their "The" ("The Globe and Mail", "The Moscow Times").
const NEWSPAPER_TAILS = new Set(['times', 'press', 'post', 'journal', 'herald', 'tribune', 'mail', 'globe', 'gazette', 'guardian', 'telegraph', 'independent', 'observer', 'express', 'chronicle', 'review', 'weekly', 'daily', 'star', 'sun', 'economist', 'atlantic', 'hill', 'register', 'inquirer', 'examiner', 'bulletin', 'record', 'mirror', 'standard', 'province', 'citizen', 'spectator', 'nation', 'hindu', 'australian', 'age']);

export function orgCandidate(tokens: Token[], i: number, j: number, slots?: Slot[], withCapital = false): Candidate[] {
  // "Canadian Medical Association", "U.S. Chamber of Commerce", "American Civil Liberties Union": a demonym or a
  // country (or, for a lone organisation word, a capital: "The Moscow Times") right before the organisation's words
  // is the start of its name.
  const lead = slots?.[i - 1];
  const leadTypes = withCapital ? ['demonym', 'country', 'capital'] : ['demonym', 'country'];
  if (lead?.kind === 'phrase' && leadTypes.includes(lead.match.value.type) && lead.match.to === i &&
      adjacent(tokens, i - 1, i) && tokens[lead.match.from].cap && tokens.slice(i, j).every((t) => t.cap || ['of', 'for', 'and', 'on', '&'].includes(t.lower)))
    i = lead.match.from;
  // Keep "The" of "The Moscow Times" as part of a newspaper's name; "The World Health Organization" at the start of
  // a sentence is the World Health Organization.
  const from = i > 0 && tokens[i - 1].lower === 'the' && tokens[i - 1].cap && adjacent(tokens, i - 1, i) && NEWSPAPER_TAILS.has(tokens[j - 1].lower) ? i - 1 : i;
  // (Spelled as written: "BC Nurses’ Union", "AT&T".)
  const name = tokens.slice(from, j).map((t, k, a) => (k > 0 && t.start > a[k - 1].end ? ' ' : '') + t.text).join('');
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
