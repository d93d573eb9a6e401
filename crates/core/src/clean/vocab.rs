//! The words site furniture is made of, by what they do on a page (share
//! buttons, comment prompts, subscription offers, navigation, …), in
//! English, German, French, Spanish and a little Latvian, Italian,
//! Portuguese and Dutch; and small function-word lists that tell prose from
//! labels. General vocabulary of web pages, written from knowledge of how
//! sites label their furniture — no phrase here is copied from a fixture.
//!
//! Words are lowercase and matched against lowercased words with their
//! surrounding punctuation trimmed ([`super::lines`]); phrases are matched
//! as whole-word sequences.

use std::collections::{HashMap, HashSet};

/// What a piece of furniture vocabulary is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Vocab {
    Share,
    Comments,
    Ad,
    Subscribe,
    Login,
    Legal,
    Related,
    Media,
    ReadingTime,
    Action,
    Trust,
    Nav,
}

impl Vocab {
    /// How a reason names the vocabulary.
    pub(super) fn name(self) -> &'static str {
        match self {
            Vocab::Share => "share",
            Vocab::Comments => "comment",
            Vocab::Ad => "advertising",
            Vocab::Subscribe => "subscription",
            Vocab::Login => "login",
            Vocab::Legal => "legal",
            Vocab::Related => "related-article",
            Vocab::Media => "media",
            Vocab::ReadingTime => "reading-time",
            Vocab::Action => "article-action",
            Vocab::Trust => "trust-badge",
            Vocab::Nav => "navigation",
        }
    }

    /// Whether a line of this vocabulary may mark where an article ends
    /// (buttons under the text, comments, related lists, offers), so that a
    /// cut from it may take a blurb or two along.
    pub(super) fn ends_article(self) -> bool {
        matches!(
            self,
            Vocab::Action | Vocab::Comments | Vocab::Related | Vocab::Share | Vocab::Subscribe
        )
    }
}

/// Function words of the languages the fixtures hold, and of the other
/// languages textmend has dictionaries for: a line of prose has many, a
/// label few.
const FUNCTION_WORDS: &[&str] = &[
    // English
    "the a an and or but of to in on at for with by from as is are was were be been being has \
     have had it its this that these those he she they we you i me my his her their our your us \
     them him not no will would can could should may might must said which who whom whose what \
     when where why how there than then so if into about after before over also up out just all \
     any some such only very do does did each every",
    // German
    "der die das den dem des ein eine einen einem einer eines und oder aber in im an am auf aus \
     bei mit nach von vom zu zum zur für über unter vor ist sind war waren wird werden wurde \
     wurden hat haben hatte nicht auch sich es er sie wir ich du ihr ihre ihren sein seine dass \
     daß als wie wenn noch nur so um durch bis man kann können soll sollen muss müssen schon \
     sehr doch dann da hier mehr",
    // French
    "le la les l un une des du de d et ou mais à au aux en dans sur par pour avec sans sous est \
     sont été être a ont avait il elle ils elles nous vous on ne n pas que qu qui ce cet cette \
     ces se s sa son ses leur leurs plus comme y c j tout tous aussi où dont lui même",
    // Spanish
    "el la los las un una unos unas y e o u pero de del a al en con por para sin sobre es son \
     fue ser ha han había se que no lo su sus como más este esta estos estas le les ya muy \
     también cuando donde entre hasta desde",
    // Italian
    "il lo la i gli le un una uno e o ma di del della dei delle da dal in nel nella con per su \
     sul è sono era non che si come anche più questo questa",
    // Portuguese
    "o a os as um uma e ou mas de do da dos das em no na nos nas com por para é são foi não que \
     se como também mais ao aos",
    // Dutch
    "de het een en of maar van in op aan met voor door is zijn was waren niet dat die er ook als \
     bij naar om te wordt worden heeft hebben dit deze",
    // Latvian
    "un ir ar par no uz kā ka bet vai arī tas tā to tie kas lai jau vēl pie pēc līdz nav bija \
     būs tiek tika šis šī",
];

/// Each vocabulary: its anchors (a word that says what the line is for)
/// and its helpers (words that go with anchors on buttons and labels but
/// say nothing alone).
const WORDS: &[(Vocab, &str, &str)] = &[
    (
        Vocab::Trust,
        "zertifiziert certified certifié certificado verified verifiziert journalism journalismus \
         journalisme periodismo newsroom redaktion rédaction redacción",
        "trust standards principles grundsätze richtlinien guidelines transparency transparenz \
         ethics ethik déontologie charte principios our unsere notre nuestra editorial initiative",
    ),
    (
        Vocab::Share,
        "share shares shared sharing tweet tweets retweet pin print printing email e-mail mail \
         link copied copy embed bookmark whatsapp facebook twitter linkedin pinterest reddit \
         telegram instagram youtube tiktok flipboard pocket rss messenger xing mastodon bluesky \
         threads teilen geteilt twittern drucken druckansicht speichern vorlesen folgen partager \
         partagez imprimer suivez compartir compartido compartidos imprimir síguenos dalīties \
         drukāt",
        "on in us via this article story page post follow join send save google x auf im uns sur \
         nous en el nos artikel beitrag seite artículo noticia",
    ),
    (
        Vocab::Comments,
        "comment comments commenting commented reply replies antworten répondre responder \
         kommentar kommentare kommentieren kommentiert leserkommentare commentaire commentaires \
         commenter réagir réagissez comentario comentarios comentar komentārs komentāri komentēt \
         komentārus",
        "leave write post add view show hide read first be the your opinion what think topic let \
         us know below discussion discuss join respond cancel submit schreibe schreiben abbrechen \
         senden beiträge beitrag lesen ihre meinung erste votre avis premier laisser écrire \
         annuler envoyer deja escribe cancelar enviar tu opinión primero",
    ),
    (
        Vocab::Ad,
        "advertisement advertisements advertising ad ads anzeige werbung publicité publicidad \
         anuncio sponsored gesponsert sponsorisé patrocinado reklāma",
        "feedback video by via partner content from our",
    ),
    (
        Vocab::Subscribe,
        "subscribe subscription subscriptions subscriber subscribers unsubscribe premium \
         abonnieren abonniert abo abonnement abonnements abonnez-vous abonner suscríbete \
         suscribirse suscripción abonēt abonements app download newsletter newsletters",
        "now free trial plan plans join sign up today day days month monthly year yearly annual \
         access full student get the app store play google apple on renews renew billed cancel \
         anytime offer seven jetzt kostenlos testen gratis essai inscrivez-vous inscription \
         registrieren anmelden",
    ),
    (
        Vocab::Login,
        "login log logout sign signin signup register registrieren anmelden abmelden einloggen \
         connexion connecter déconnexion inscription iniciar sesión registrarse pieslēgties",
        "in out up my account konto compte cuenta mein mon mi profile profil settings \
         einstellungen paramètres se",
    ),
    (
        Vocab::Legal,
        "privacy datenschutz datenschutzerklärung impressum imprint cookies cookie agb \
         nutzungsbedingungen confidentialité mentions légales privacidad disclaimer \
         accessibility copyright",
        "policy terms conditions of use service notice statement settings legal data protection \
         politique de la cgu conditions d'utilisation política términos condiciones uso and & \
         und et y aviso",
    ),
    (
        Vocab::Related,
        "related relacionado relacionada relacionadas relacionados verwandte weiterlesen similar similaires ähnliche meistgelesen \
         meistgelesene beliebteste lesenswert recommended empfohlen trending",
        "read next more also see other topics topic stories story articles article news latest \
         popular most top picks further reading you may might like interest interested in of \
         from around web weitere mehr zum thema themen aktuelle aktuell neueste lesen sie auch \
         interessant interessieren könnte das dich aussi lire à a voir plus sur le même sujet \
         dans la rubrique actualités les lus noticias más leído leídas leer ver también te \
         puede interesar lasi arī vairāk ziņas citas jaunākās populārākās saistītie raksti",
    ),
    (
        Vocab::Media,
        "video videos photo photos fotos gallery galerie bildergalerie fotostrecke diaporama \
         slideshow fotogalería audio podcast",
        "watch play listen view image images bild bilder of von de sur ver",
    ),
    (
        Vocab::ReadingTime,
        "min minute minutes mins read lesezeit lecture lectura",
        "read lesen de of",
    ),
    (
        Vocab::Action,
        "license licence cite reprint reprints permissions save bookmark print share email",
        "this article story page post artikel beitrag seite artículo noticia diesen dieser cet \
         este esta",
    ),
];

/// Phrases that are anchors of a vocabulary.
const PHRASES: &[(Vocab, &str)] = &[
    (
        Vocab::Comments,
        "your opinion|let us know|what do you think|tell us what|votre avis|ihre meinung|\
         deine meinung|tu opinión|su opinión",
    ),
    (
        Vocab::Subscribe,
        "join now|sign up|subscribe now|free trial|days free|app store|google play|play store|\
         download the app|get the app|jetzt abonnieren|jetzt testen|gratis testen",
    ),
    (
        Vocab::Legal,
        "aviso legal|terms of use|terms of service|privacy policy|cookie policy",
    ),
    (
        Vocab::Nav,
        "skip to content|skip to main content|skip navigation|zum inhalt springen|zum inhalt|\
         aller au contenu|ir al contenido|back to top|nach oben|haut de page",
    ),
    (
        Vocab::Share,
        "follow us|folgen sie uns|suivez-nous|síguenos en",
    ),
    (
        Vocab::Action,
        "this article|this story|this page|this post|diesen artikel|dieser artikel|cet article|\
         este artículo|esta noticia",
    ),
];

/// Phrases that make a short line a related-articles heading ("Read
/// next", "Lesen Sie auch"); they are not anchors elsewhere.
const RELATED_PHRASES: &str =
    "read next|read more|read also|also read|continue reading|keep reading|weiter lesen|\
         mehr lesen|lire la suite|seguir leyendo|leer más|lasīt vairāk|more from|more on|of interest|you may also like|\
         you might also like|don't miss|in case you missed|lesen sie auch|auch interessant|\
         mehr zum thema|zum thema|das könnte sie auch interessieren|lire aussi|à lire aussi|\
         a lire aussi|sur le même sujet|les plus lus|te puede interesar|lo más leído|\
         lo más visto|también en|lasi arī";

/// "More …" and "… news": a line with one of each is a related-articles
/// heading ("More news", "Weitere Artikel", "Autres actualités").
const MORE_WORDS: &str = "more other others related latest top popular recommended similar \
     further most also mehr weitere aktuelle neueste andere ähnliche beliebteste autres \
     dernières derniers plus más otras otros últimas últimos relacionadas relacionados vairāk \
     citas jaunākās";
const NEWS_WORDS: &str = "news stories story articles article topics posts reads reading \
     coverage content headlines videos nachrichten artikel beiträge themen meldungen \
     actualités infos sujets noticias artículos historias temas ziņas raksti";

/// Names of share targets, which pages also run together
/// ("FacebookTwitterMail").
const PLATFORMS: &str = "facebook twitter whatsapp flipboard mail email linkedin pinterest \
     reddit telegram rss print share tweet messenger xing pocket instagram youtube tiktok embed \
     copy link google subscribe";

/// Platforms that are social accounts one can follow (not the generic
/// share targets above).
pub(super) const NOT_ACCOUNTS: &[&str] = &[
    "print",
    "share",
    "copy",
    "link",
    "embed",
    "mail",
    "email",
    "google",
    "subscribe",
];

/// Verbs of a prompt to follow an account.
const SHARE_VERBS: &str = "follow join subscribe folgen folgt abonniere abonnieren suivez \
     suivre rejoignez síguenos sigue únete sekojiet";

/// Words that address the reader (German formal address is matched
/// case-sensitively, below: `sie` is also "she" and "they").
const ADDRESS: &str = "you your yours you're you'll yourself dich dein deine deinen vous votre \
     vos tu tus usted ustedes jūs jūsu tev";
pub(super) const FORMAL_ADDRESS: &[&str] =
    &["Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihnen"];

/// Verbs that open a call to action.
const IMPERATIVES: &str = "be join download subscribe sign click enjoy choose get try follow \
     share register log discover explore tap install start unlock upgrade jetzt abonnieren \
     registrieren laden entdecken inscrivez-vous abonnez-vous téléchargez découvrez suscríbete \
     descarga regístrate";

/// Words of a date or time line ("Updated November 2, 2023 3:53 PM EDT").
const DATE_WORDS: &str = "jan feb mar apr may jun jul aug sep sept oct nov dec january \
     february march april june july august september october november december januar februar \
     märz mai juni juli oktober dezember janvier février mars avril juin juillet août septembre \
     octobre novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre \
     octubre noviembre diciembre janvāris februāris marts aprīlis maijs jūnijs jūlijs augusts \
     septembris oktobris novembris decembris am pm uhr h est edt pst pdt utc gmt cet cest mon \
     tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday montag \
     dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi \
     samedi dimanche lunes martes miércoles jueves viernes sábado domingo updated published \
     aktualisiert veröffentlicht actualizado publicado publié mis à jour le de du del la a à \
     on at um";

/// Words of site menus: sections, services, account and page links.
const NAV_WORDS: &str = "home start startseite accueil inicio portada menu menü navigation \
     search suche suchen rechercher recherche buscar búsqueda meklēt contact kontakt contacto \
     contactez about über impressum imprint archive archiv archives archivo sitemap faq help \
     hilfe aide ayuda news nachrichten actualités noticias ziņas politics politik politique \
     política business wirtschaft économie economía sport sports deporte deportes world welt \
     monde mundo international national local lokal regional culture kultur cultura science \
     wissenschaft tech technology technik health gesundheit santé salud entertainment opinion \
     meinung opinions opinión video videos photos podcasts podcast weather wetter météo travel \
     reisen voyage viajes style lifestyle food auto autos cars jobs karriere emploi empleo more \
     mehr plus más all alle tous todos edition ausgabe édition edición english deutsch \
     français español latviešu blog blogs forum community shop store events termine agenda \
     login logout account konto newsletter newsletters subscribe abo rss feed feeds topics \
     themen thèmes temas tags links downloads back top next previous prev weiter zurück \
     retour volver siguiente anterior page seite";

/// Photo agencies and news agencies, whose name alone on a line is a
/// credit.
pub(super) const AGENCIES: &[&str] = &[
    "reuters",
    "afp",
    "ap",
    "dpa",
    "epa",
    "apa",
    "kna",
    "sda",
    "efe",
    "ansa",
    "getty images",
    "getty",
    "imago",
    "shutterstock",
    "istock",
    "alamy",
    "picture alliance",
    "picture-alliance",
    "associated press",
    "agence france-presse",
    "agenturen",
    "aap",
    "xinhua",
    "tass",
    "leta",
];

/// What follows the © sign in one language or another.
pub(super) const RIGHTS: &[&str] = &[
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "visas tiesības aizsargātas",
    "rights reserved",
];

/// Words that open a photo credit when a colon or "by" follows.
pub(super) const CREDIT_LEADS: &[&str] = &[
    "photo",
    "photos",
    "foto",
    "fotos",
    "bild",
    "bilder",
    "image",
    "images",
    "credit",
    "credits",
    "crédit",
    "crédits",
    "photograph",
    "photography",
    "screenshot",
    "illustration",
    "grafik",
];

/// Words that open a link to another page when a colon follows ("Read
/// more: …", "Lire aussi : …", "ADD TO CART: …"), with what the link is.
pub(super) const LEADS: &[(&str, &str)] = &[
    ("read more", "a link to another article"),
    ("read also", "a link to another article"),
    ("also read", "a link to another article"),
    ("related", "a link to another article"),
    ("read next", "a link to another article"),
    ("lire aussi", "a link to another article"),
    ("à lire aussi", "a link to another article"),
    ("a lire aussi", "a link to another article"),
    ("lire", "a link to another article"),
    ("lesen sie auch", "a link to another article"),
    ("lesen sie mehr", "a link to another article"),
    ("mehr zum thema", "a link to another article"),
    ("auch interessant", "a link to another article"),
    ("leer más", "a link to another article"),
    ("lee también", "a link to another article"),
    ("ver también", "a link to another article"),
    ("te puede interesar", "a link to another article"),
    ("lasi arī", "a link to another article"),
    ("read", "a link to another article"),
    ("watch", "a link to a video"),
    ("listen", "a link to a recording"),
    ("video", "a link to a video"),
    ("gallery", "a link to a gallery"),
    ("photos", "a link to a gallery"),
    ("add to cart", "a shop link"),
    ("view price", "a shop link"),
    ("buy now", "a shop link"),
    ("shop now", "a shop link"),
    ("buy", "a shop link"),
    ("shop", "a shop link"),
    ("jetzt kaufen", "a shop link"),
    ("in den warenkorb", "a shop link"),
    ("acheter", "a shop link"),
    ("comprar", "a shop link"),
];

/// The vocabulary, looked up.
pub(super) struct Vocabulary {
    function: HashSet<&'static str>,
    anchors: HashMap<&'static str, Vocab>,
    helpers: HashSet<&'static str>,
    /// Phrases as word sequences, with their vocabulary.
    phrases: Vec<(Vec<&'static str>, Vocab)>,
    related_phrases: Vec<Vec<&'static str>>,
    more: HashSet<&'static str>,
    news: HashSet<&'static str>,
    platforms: Vec<&'static str>,
    share_verbs: HashSet<&'static str>,
    address: HashSet<&'static str>,
    imperatives: HashSet<&'static str>,
    date_words: HashSet<&'static str>,
    nav: HashSet<&'static str>,
}

fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split_whitespace()
}

impl Vocabulary {
    pub(super) fn new() -> Vocabulary {
        let mut anchors = HashMap::new();
        let mut helpers = HashSet::new();
        for &(vocab, anchor, helper) in WORDS {
            for word in words(anchor) {
                anchors.entry(word).or_insert(vocab);
                helpers.insert(word);
            }
            helpers.extend(words(helper));
        }
        let phrases = PHRASES
            .iter()
            .flat_map(|&(vocab, list)| {
                list.split('|')
                    .map(move |p| (p.split_whitespace().collect(), vocab))
            })
            .collect();
        Vocabulary {
            function: FUNCTION_WORDS.iter().flat_map(|l| words(l)).collect(),
            anchors,
            helpers,
            phrases,
            related_phrases: RELATED_PHRASES
                .split('|')
                .map(|p| p.split_whitespace().collect())
                .collect(),
            more: words(MORE_WORDS).collect(),
            news: words(NEWS_WORDS).collect(),
            platforms: words(PLATFORMS).collect(),
            share_verbs: words(SHARE_VERBS).collect(),
            address: words(ADDRESS).collect(),
            imperatives: words(IMPERATIVES).collect(),
            date_words: words(DATE_WORDS).collect(),
            nav: words(NAV_WORDS).collect(),
        }
    }

    pub(super) fn is_function(&self, word: &str) -> bool {
        self.function.contains(word)
    }

    /// The vocabulary `word` is an anchor of.
    pub(super) fn anchor(&self, word: &str) -> Option<Vocab> {
        self.anchors.get(word).copied()
    }

    /// Whether `word` may stand on a furniture line: any vocabulary's
    /// anchor or helper, or a "more"/"news" word.
    pub(super) fn is_furniture_word(&self, word: &str) -> bool {
        self.helpers.contains(word) || self.more.contains(word) || self.news.contains(word)
    }

    /// Whether `word` is an anchor or a helper of some vocabulary.
    pub(super) fn is_helper(&self, word: &str) -> bool {
        self.helpers.contains(word)
    }

    /// The phrases found in `words`, with their vocabulary.
    pub(super) fn phrases_in<'v>(
        &'v self,
        words: &'v [String],
    ) -> impl Iterator<Item = (Vocab, String)> + 'v {
        self.phrases
            .iter()
            .filter(move |(phrase, _)| {
                words
                    .windows(phrase.len())
                    .any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
            })
            .map(|(phrase, vocab)| (*vocab, phrase.join(" ")))
    }

    /// Whether the words hold a related-articles phrase ("read next").
    pub(super) fn has_related_phrase(&self, words: &[String]) -> bool {
        self.related_phrases.iter().any(|phrase| {
            words
                .windows(phrase.len())
                .any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
        })
    }

    /// Whether the words hold a "more" word and a "news" word.
    pub(super) fn is_more_news(&self, words: &[String]) -> bool {
        words.iter().any(|w| self.more.contains(w.as_str()))
            && words.iter().any(|w| self.news.contains(w.as_str()))
    }

    /// Whether `word` is two or more share targets run together
    /// ("facebooktwitterflipboardwhatsapp").
    pub(super) fn is_platform_run(&self, word: &str) -> bool {
        // The most platforms a prefix of `word` splits into, by dynamic
        // programming over byte offsets.
        let mut best: Vec<Option<usize>> = vec![None; word.len() + 1];
        best[0] = Some(0);
        for at in 0..word.len() {
            let Some(count) = best[at] else { continue };
            for platform in &self.platforms {
                if word[at..].starts_with(platform) {
                    let end = at + platform.len();
                    if best[end].is_none_or(|b| b < count + 1) {
                        best[end] = Some(count + 1);
                    }
                }
            }
        }
        best[word.len()].is_some_and(|n| n >= 2)
    }

    pub(super) fn is_platform(&self, word: &str) -> bool {
        self.platforms.contains(&word)
    }

    pub(super) fn is_share_verb(&self, word: &str) -> bool {
        self.share_verbs.contains(word)
    }

    pub(super) fn is_address(&self, word: &str) -> bool {
        self.address.contains(word)
    }

    pub(super) fn is_imperative(&self, word: &str) -> bool {
        self.imperatives.contains(word)
    }

    pub(super) fn is_date_word(&self, word: &str) -> bool {
        self.date_words.contains(word)
    }

    pub(super) fn is_nav(&self, word: &str) -> bool {
        self.nav.contains(word)
    }
}

#[cfg(test)]
mod tests;
