/**
 * The third batch of everyday-news entries (world/politics-broad-3, topics-broad-3,
 * people-broad-3, sports-broad-3) with the knowledge base that ships: their one-word
 * short forms ("Labour", "Windows", "Falcon", "DA", "Rohit") link only when the article
 * is about that sense, and the entries link in the news they are for. Every cue list in
 * those files exists for the first group of cases. Sentences written for the test.
 */
import { describe, it, expect } from 'vitest';
import { kbIds } from '../fixtures/shipped-engine.ts';

describe('broad-3 entries with the shipped knowledge base', () => {
  it.each([
    ['Labour (the word)', 'Labour shortages kept the bakery closed on Mondays, the owner said.', 'labour-party-uk'],
    ['Windows (the word)', 'Windows were smashed on the high street after the match on Saturday.', 'microsoft-windows'],
    [
      'Falcon (the rocket)',
      'A Falcon 9 rocket lifted off from Florida with a weather satellite on board.',
      'crowdstrike-falcon',
    ],
    [
      'DA (a prosecutor)',
      'The DA said the burglary case would go to a jury next spring.',
      'democratic-alliance-south-africa',
    ],
    ['Rohit (a first name)', 'Rohit, who runs the corner shop, said the price of milk went up again.', 'rohit-sharma'],
    ['Morena (the Indian city)', 'Morena sits on the Chambal river in Madhya Pradesh.', 'morena-mexico'],
    [
      'Renaissance (the period)',
      'Renaissance painters filled the chapel with frescoes.',
      'renaissance-french-political-party',
    ],
    [
      'WTC (the towers)',
      'Firefighters who served at the WTC site were honoured in New York.',
      'icc-world-test-championship',
    ],
    [
      'Democrats (another country)',
      'The Democrats of the town council voted to repair the bridge.',
      'democratic-party-united-states',
    ],
  ])('does not link in ordinary text: %s', (_why, text, id) => {
    expect(kbIds(text)).not.toContain(id);
  });

  it.each([
    [
      'Labour won Clacton back from the Tories? No: Nigel Farage took it for Reform UK, and Labour MPs filled the Commons.',
      ['labour-party-uk', 'reform-uk', 'nigel-farage'],
    ],
    [
      'Airlines were grounded after a CrowdStrike update crashed Microsoft Windows; the Falcon sensor was blamed.',
      ['crowdstrike-falcon', 'microsoft-windows'],
    ],
    [
      'Democrats in the Senate opposed the bill, and Republicans passed it with Vance breaking the tie.',
      ['democratic-party-united-states', 'republican-party-united-states'],
    ],
    [
      'The DA joined the ANC in a unity government after Ramaphosa lost his majority in South Africa.',
      ['democratic-alliance-south-africa'],
    ],
    [
      'Bumrah took two wickets and Rohit lifted the T20 World Cup as India beat the Proteas.',
      ['jasprit-bumrah', 'rohit-sharma', 'south-africa-national-cricket-team'],
    ],
    [
      'WHO declared mpox a public health emergency of international concern after its Emergency Committee met.',
      ['mpox', 'public-health-emergency-of-international-concern', 'ihr-emergency-committee'],
    ],
    ['OpenAI, SoftBank and Oracle said Stargate would build data centers for ChatGPT.', ['stargate-llc', 'chatgpt']],
  ])('links in the news it is for: %j', (text, ids) => {
    expect(kbIds(text)).toEqual(expect.arrayContaining(ids));
  });

  it('tells the Green parties apart by the article, and knows which Conservatives are meant', () => {
    expect(kbIds('The Green Party in Germany chose Brantner and Banaszak; Merz leads the Bundestag.')).toContain(
      'alliance-90-the-greens',
    );
    expect(kbIds('The Green Party nominated Jill Stein, hoping for ballot access in every American state.')).toContain(
      'green-party-of-the-united-states',
    );
    expect(kbIds('Tory MPs met at Westminster after Badenoch spoke to the Commons.')).toContain(
      'conservative-party-uk',
    );
  });
});
