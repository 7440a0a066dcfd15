export interface AboutSectionProps {
  version: string;
}

/** Each permission the extension asks for, and what it is used for. */
const PERMISSIONS: { name: string; why: string }[] = [
  {
    name: 'Storage',
    why: 'keeps your settings, your site choices and the knowledge packs you import, in this browser only.',
  },
  {
    name: 'Scripting and access to web sites',
    why: 'lets Backstory read the text of the article you are on, highlight names in it and show the sidebar. Pages are read where they are; nothing is copied elsewhere.',
  },
  { name: 'Context menus', why: 'adds “Look up in Backstory” to the menu when you select a word or name on a page.' },
  {
    name: 'Active tab',
    why: 'lets the toolbar button and keyboard shortcut run Backstory on the tab you are looking at when you ask.',
  },
];

export function AboutSection({ version }: AboutSectionProps) {
  return (
    <section class="section" aria-labelledby="opt-about-h">
      <h2 id="opt-about-h">About and privacy</h2>
      <p>
        Backstory gives the background to the names in the news. On an article it finds the organisations, people,
        places, programmes and events the article names, highlights them, and shows a short summary and sourced, dated
        facts about each in a sidebar and on hover.
      </p>
      <h3>Your privacy</h3>
      <ul class="privacy">
        <li>
          Everything happens in your browser: the articles you read, what Backstory finds in them and your settings
          never leave it.
        </li>
        <li>Backstory makes no network requests of its own, has no accounts, no analytics and no tracking.</li>
        <li>It runs no remote code: all of its code and its built-in knowledge packs come with the extension.</li>
        <li>Links in the sidebar (sources, Wikipedia, news searches) open only when you follow them.</li>
      </ul>
      <h3>Permissions and why they are needed</h3>
      <dl class="permissions">
        {PERMISSIONS.map((p) => (
          <div key={p.name}>
            <dt>{p.name}</dt>
            <dd>{p.why}</dd>
          </div>
        ))}
      </dl>
      <p class="version">
        Backstory version <span data-testid="version">{version}</span>
      </p>
    </section>
  );
}
