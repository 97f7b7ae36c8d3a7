/**
 * What the server itself writes to people, in every language Roster has: the verification page and
 * the mails that carry its link (welcome, verification). The browser elements have their own
 * catalogs; these strings stay on the server. The language is the account's (`Account.locale`)
 * unless the request that causes the text names one Roster has in `Accept-Language`.
 */

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt-BR', 'ja', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages written right to left: their page gets `dir="rtl"`. */
export const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set(['ar']);

type PasswordErrors = {
  required: string;
  password_too_short: string;
  password_too_long: string;
  password_too_weak: string;
};

export interface Texts {
  page: {
    title: string;
    intro: (account: string) => string;
    email: string;
    password: string;
    show: string;
    hide: string;
    passwordHint: string;
    confirm: string;
    done: string;
    doneText: string;
    unknown: string;
    unknownText: string;
    used: string;
    usedText: string;
    expired: string;
    expiredText: string;
    replaced: string;
    replacedText: string;
    errors: PasswordErrors;
  };
  mail: {
    welcomeSubject: (account: string) => string;
    verificationSubject: (account: string) => string;
    welcome: (first: string, owner: string, account: string) => string;
    greeting: (first: string) => string;
    confirm: (url: string) => string;
    validity: string;
  };
}

/** The language Roster has for a BCP 47 tag: the tag itself (`pt-BR`), else its language (`fr-CA` → `fr`, `pt` → `pt-BR`). */
export function knownLanguage(tag: string): Language | undefined {
  const lower = tag.trim().toLowerCase();
  const base = lower.split('-')[0];
  return (
    LANGUAGES.find((language) => language.toLowerCase() === lower) ??
    LANGUAGES.find((language) => language.toLowerCase().split('-')[0] === base)
  );
}

/** The first language of `Accept-Language` (by weight) Roster has, else the account's, else English. */
export function languageFor(
  acceptLanguage: string | null | undefined,
  accountLocale: string | null | undefined,
): Language {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const language = knownLanguage(tag);
    if (language) return language;
  }
  return knownLanguage(accountLocale ?? '') ?? 'en';
}

export const TEXTS: Record<Language, Texts> = {
  en: {
    page: {
      title: 'Confirm your email address',
      intro: (account) => `You were added to ${account}. Confirm your email address to sign in.`,
      email: 'Email',
      password: 'Choose a password',
      show: 'Show',
      hide: 'Hide',
      passwordHint: 'At least 12 characters. A few unrelated words are easy to remember and hard to guess.',
      confirm: 'Confirm email address',
      done: 'Your email address is confirmed',
      doneText: 'You can sign in now.',
      unknown: 'This link is not valid',
      unknownText: 'Check that you opened the whole link from the mail.',
      used: 'This link was already used',
      usedText: 'Your email address is confirmed. You can sign in.',
      expired: 'This link has expired',
      expiredText: 'Links are valid for 7 days. Ask the person who added you to send a new one.',
      replaced: 'A newer link was sent',
      replacedText: 'Use the link in the most recent mail. This one no longer works.',
      errors: {
        required: 'Enter a password.',
        password_too_short: 'Use at least 12 characters.',
        password_too_long: 'Use at most 128 characters.',
        password_too_weak: 'This password is too common or matches your email. Choose another.',
      },
    },
    mail: {
      welcomeSubject: (account) => `Welcome to ${account}: please confirm your email address`,
      verificationSubject: (account) => `Confirm your email address for ${account}`,
      welcome: (first, owner, account) => `Hello ${first}, ${owner} added you to ${account}.`,
      greeting: (first) => `Hello ${first},`,
      confirm: (url) => `Confirm your email address to sign in: ${url}`,
      validity: 'The link is valid for 7 days.',
    },
  },
  de: {
    page: {
      title: 'E-Mail-Adresse bestätigen',
      intro: (account) =>
        `Sie wurden zu ${account} hinzugefügt. Bestätigen Sie Ihre E-Mail-Adresse, um sich anzumelden.`,
      email: 'E-Mail',
      password: 'Passwort wählen',
      show: 'Anzeigen',
      hide: 'Verbergen',
      passwordHint:
        'Mindestens 12 Zeichen. Ein paar unzusammenhängende Wörter sind leicht zu merken und schwer zu erraten.',
      confirm: 'E-Mail-Adresse bestätigen',
      done: 'Ihre E-Mail-Adresse ist bestätigt',
      doneText: 'Sie können sich jetzt anmelden.',
      unknown: 'Dieser Link ist ungültig',
      unknownText: 'Prüfen Sie, ob Sie den vollständigen Link aus der E-Mail geöffnet haben.',
      used: 'Dieser Link wurde bereits verwendet',
      usedText: 'Ihre E-Mail-Adresse ist bestätigt. Sie können sich anmelden.',
      expired: 'Dieser Link ist abgelaufen',
      expiredText: 'Links sind 7 Tage gültig. Bitten Sie die Person, die Sie hinzugefügt hat, einen neuen zu senden.',
      replaced: 'Es wurde ein neuerer Link gesendet',
      replacedText: 'Verwenden Sie den Link aus der neuesten E-Mail. Dieser funktioniert nicht mehr.',
      errors: {
        required: 'Geben Sie ein Passwort ein.',
        password_too_short: 'Verwenden Sie mindestens 12 Zeichen.',
        password_too_long: 'Verwenden Sie höchstens 128 Zeichen.',
        password_too_weak:
          'Dieses Passwort ist zu verbreitet oder entspricht Ihrer E-Mail-Adresse. Wählen Sie ein anderes.',
      },
    },
    mail: {
      welcomeSubject: (account) => `Willkommen bei ${account}: Bitte bestätigen Sie Ihre E-Mail-Adresse`,
      verificationSubject: (account) => `Bestätigen Sie Ihre E-Mail-Adresse für ${account}`,
      welcome: (first, owner, account) => `Hallo ${first}, ${owner} hat Sie zu ${account} hinzugefügt.`,
      greeting: (first) => `Hallo ${first},`,
      confirm: (url) => `Bestätigen Sie Ihre E-Mail-Adresse, um sich anzumelden: ${url}`,
      validity: 'Der Link ist 7 Tage gültig.',
    },
  },
  fr: {
    page: {
      title: 'Confirmez votre adresse e-mail',
      intro: (account) =>
        `Vous faites désormais partie de ${account}. Confirmez votre adresse e-mail pour vous connecter.`,
      email: 'E-mail',
      password: 'Choisissez un mot de passe',
      show: 'Afficher',
      hide: 'Masquer',
      passwordHint:
        'Au moins 12 caractères. Quelques mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.',
      confirm: 'Confirmer l’adresse e-mail',
      done: 'Votre adresse e-mail est confirmée',
      doneText: 'Vous pouvez maintenant vous connecter.',
      unknown: 'Ce lien n’est pas valide',
      unknownText: 'Vérifiez que vous avez ouvert le lien complet figurant dans l’e-mail.',
      used: 'Ce lien a déjà été utilisé',
      usedText: 'Votre adresse e-mail est confirmée. Vous pouvez vous connecter.',
      expired: 'Ce lien a expiré',
      expiredText:
        'Les liens sont valables 7 jours. Demandez à la personne qui vous a ajouté de vous en envoyer un nouveau.',
      replaced: 'Un lien plus récent a été envoyé',
      replacedText: 'Utilisez le lien du dernier e-mail reçu. Celui-ci ne fonctionne plus.',
      errors: {
        required: 'Saisissez un mot de passe.',
        password_too_short: 'Utilisez au moins 12 caractères.',
        password_too_long: 'Utilisez au plus 128 caractères.',
        password_too_weak:
          'Ce mot de passe est trop courant ou correspond à votre adresse e-mail. Choisissez-en un autre.',
      },
    },
    mail: {
      welcomeSubject: (account) => `Bienvenue chez ${account} : confirmez votre adresse e-mail`,
      verificationSubject: (account) => `Confirmez votre adresse e-mail pour ${account}`,
      welcome: (first, owner, account) => `Bonjour ${first}, ${owner} vous a ajouté à ${account}.`,
      greeting: (first) => `Bonjour ${first},`,
      confirm: (url) => `Confirmez votre adresse e-mail pour vous connecter : ${url}`,
      validity: 'Le lien est valable 7 jours.',
    },
  },
  es: {
    page: {
      title: 'Confirma tu dirección de correo electrónico',
      intro: (account) =>
        `Te han añadido a ${account}. Confirma tu dirección de correo electrónico para iniciar sesión.`,
      email: 'Correo electrónico',
      password: 'Elige una contraseña',
      show: 'Mostrar',
      hide: 'Ocultar',
      passwordHint:
        'Al menos 12 caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.',
      confirm: 'Confirmar dirección de correo',
      done: 'Tu dirección de correo está confirmada',
      doneText: 'Ya puedes iniciar sesión.',
      unknown: 'Este enlace no es válido',
      unknownText: 'Comprueba que has abierto el enlace completo del correo.',
      used: 'Este enlace ya se ha usado',
      usedText: 'Tu dirección de correo está confirmada. Puedes iniciar sesión.',
      expired: 'Este enlace ha caducado',
      expiredText: 'Los enlaces son válidos durante 7 días. Pide a la persona que te añadió que te envíe uno nuevo.',
      replaced: 'Se ha enviado un enlace más reciente',
      replacedText: 'Usa el enlace del correo más reciente. Este ya no funciona.',
      errors: {
        required: 'Introduce una contraseña.',
        password_too_short: 'Usa al menos 12 caracteres.',
        password_too_long: 'Usa como máximo 128 caracteres.',
        password_too_weak: 'Esta contraseña es demasiado común o coincide con tu correo. Elige otra.',
      },
    },
    mail: {
      welcomeSubject: (account) => `Te damos la bienvenida a ${account}: confirma tu dirección de correo`,
      verificationSubject: (account) => `Confirma tu dirección de correo para ${account}`,
      welcome: (first, owner, account) => `Hola, ${first}: ${owner} te ha añadido a ${account}.`,
      greeting: (first) => `Hola, ${first}:`,
      confirm: (url) => `Confirma tu dirección de correo para iniciar sesión: ${url}`,
      validity: 'El enlace es válido durante 7 días.',
    },
  },
  it: {
    page: {
      title: 'Conferma il tuo indirizzo email',
      intro: (account) => `Ti hanno aggiunto a ${account}. Conferma il tuo indirizzo email per accedere.`,
      email: 'Email',
      password: 'Scegli una password',
      show: 'Mostra',
      hide: 'Nascondi',
      passwordHint:
        'Almeno 12 caratteri. Alcune parole senza relazione tra loro sono facili da ricordare e difficili da indovinare.',
      confirm: 'Conferma indirizzo email',
      done: 'Il tuo indirizzo email è confermato',
      doneText: 'Ora puoi accedere.',
      unknown: 'Questo link non è valido',
      unknownText: 'Controlla di aver aperto il link completo dall’email.',
      used: 'Questo link è già stato usato',
      usedText: 'Il tuo indirizzo email è confermato. Puoi accedere.',
      expired: 'Questo link è scaduto',
      expiredText: 'I link sono validi per 7 giorni. Chiedi alla persona che ti ha aggiunto di inviartene uno nuovo.',
      replaced: 'È stato inviato un link più recente',
      replacedText: 'Usa il link dell’email più recente. Questo non funziona più.',
      errors: {
        required: 'Inserisci una password.',
        password_too_short: 'Usa almeno 12 caratteri.',
        password_too_long: 'Usa al massimo 128 caratteri.',
        password_too_weak: 'Questa password è troppo comune o coincide con la tua email. Scegline un’altra.',
      },
    },
    mail: {
      welcomeSubject: (account) => `Ti diamo il benvenuto in ${account}: conferma il tuo indirizzo email`,
      verificationSubject: (account) => `Conferma il tuo indirizzo email per ${account}`,
      welcome: (first, owner, account) => `Ciao ${first}, ${owner} ti ha aggiunto a ${account}.`,
      greeting: (first) => `Ciao ${first},`,
      confirm: (url) => `Conferma il tuo indirizzo email per accedere: ${url}`,
      validity: 'Il link è valido per 7 giorni.',
    },
  },
  nl: {
    page: {
      title: 'Bevestig je e-mailadres',
      intro: (account) => `Je bent toegevoegd aan ${account}. Bevestig je e-mailadres om in te loggen.`,
      email: 'E-mail',
      password: 'Kies een wachtwoord',
      show: 'Tonen',
      hide: 'Verbergen',
      passwordHint: 'Minstens 12 tekens. Een paar losse woorden zijn makkelijk te onthouden en moeilijk te raden.',
      confirm: 'E-mailadres bevestigen',
      done: 'Je e-mailadres is bevestigd',
      doneText: 'Je kunt nu inloggen.',
      unknown: 'Deze link is ongeldig',
      unknownText: 'Controleer of je de volledige link uit de e-mail hebt geopend.',
      used: 'Deze link is al gebruikt',
      usedText: 'Je e-mailadres is bevestigd. Je kunt inloggen.',
      expired: 'Deze link is verlopen',
      expiredText: 'Links zijn 7 dagen geldig. Vraag degene die je heeft toegevoegd om een nieuwe te sturen.',
      replaced: 'Er is een nieuwere link verstuurd',
      replacedText: 'Gebruik de link uit de meest recente e-mail. Deze werkt niet meer.',
      errors: {
        required: 'Voer een wachtwoord in.',
        password_too_short: 'Gebruik minstens 12 tekens.',
        password_too_long: 'Gebruik hoogstens 128 tekens.',
        password_too_weak: 'Dit wachtwoord komt te vaak voor of is gelijk aan je e-mailadres. Kies een ander.',
      },
    },
    mail: {
      welcomeSubject: (account) => `Welkom bij ${account}: bevestig je e-mailadres`,
      verificationSubject: (account) => `Bevestig je e-mailadres voor ${account}`,
      welcome: (first, owner, account) => `Hallo ${first}, ${owner} heeft je toegevoegd aan ${account}.`,
      greeting: (first) => `Hallo ${first},`,
      confirm: (url) => `Bevestig je e-mailadres om in te loggen: ${url}`,
      validity: 'De link is 7 dagen geldig.',
    },
  },
  pl: {
    page: {
      title: 'Potwierdź swój adres e-mail',
      intro: (account) => `Dodano Cię do konta ${account}. Potwierdź swój adres e-mail, aby się zalogować.`,
      email: 'E-mail',
      password: 'Wybierz hasło',
      show: 'Pokaż',
      hide: 'Ukryj',
      passwordHint: 'Co najmniej 12 znaków. Kilka niepowiązanych słów łatwo zapamiętać, a trudno odgadnąć.',
      confirm: 'Potwierdź adres e-mail',
      done: 'Twój adres e-mail został potwierdzony',
      doneText: 'Możesz się teraz zalogować.',
      unknown: 'Ten link jest nieprawidłowy',
      unknownText: 'Sprawdź, czy otwarto cały link z wiadomości.',
      used: 'Ten link został już użyty',
      usedText: 'Twój adres e-mail jest potwierdzony. Możesz się zalogować.',
      expired: 'Ten link wygasł',
      expiredText: 'Linki są ważne przez 7 dni. Poproś osobę, która Cię dodała, o wysłanie nowego.',
      replaced: 'Wysłano nowszy link',
      replacedText: 'Użyj linku z najnowszej wiadomości. Ten już nie działa.',
      errors: {
        required: 'Wpisz hasło.',
        password_too_short: 'Użyj co najmniej 12 znaków.',
        password_too_long: 'Użyj najwyżej 128 znaków.',
        password_too_weak: 'To hasło jest zbyt popularne lub jest takie samo jak Twój adres e-mail. Wybierz inne.',
      },
    },
    mail: {
      welcomeSubject: (account) => `Witamy w zespole ${account}: potwierdź swój adres e-mail`,
      verificationSubject: (account) => `Potwierdź adres e-mail do konta ${account}`,
      welcome: (first, owner, account) => `Dzień dobry, ${first}! ${owner} zaprasza Cię do konta ${account}.`,
      greeting: (first) => `Dzień dobry, ${first}!`,
      confirm: (url) => `Potwierdź swój adres e-mail, aby się zalogować: ${url}`,
      validity: 'Link jest ważny przez 7 dni.',
    },
  },
  'pt-BR': {
    page: {
      title: 'Confirme seu endereço de e-mail',
      intro: (account) => `Você agora faz parte de ${account}. Confirme seu e-mail para entrar.`,
      email: 'E-mail',
      password: 'Escolha uma senha',
      show: 'Mostrar',
      hide: 'Ocultar',
      passwordHint:
        'Pelo menos 12 caracteres. Algumas palavras sem relação entre si são fáceis de lembrar e difíceis de adivinhar.',
      confirm: 'Confirmar e-mail',
      done: 'Seu e-mail foi confirmado',
      doneText: 'Você já pode entrar.',
      unknown: 'Este link não é válido',
      unknownText: 'Verifique se você abriu o link completo do e-mail.',
      used: 'Este link já foi usado',
      usedText: 'Seu e-mail está confirmado. Você pode entrar.',
      expired: 'Este link expirou',
      expiredText: 'Os links valem por 7 dias. Peça à pessoa que adicionou você para enviar um novo.',
      replaced: 'Um link mais recente foi enviado',
      replacedText: 'Use o link do e-mail mais recente. Este não funciona mais.',
      errors: {
        required: 'Digite uma senha.',
        password_too_short: 'Use pelo menos 12 caracteres.',
        password_too_long: 'Use no máximo 128 caracteres.',
        password_too_weak: 'Esta senha é muito comum ou igual ao seu e-mail. Escolha outra.',
      },
    },
    mail: {
      welcomeSubject: (account) => `Boas-vindas a ${account}: confirme seu e-mail`,
      verificationSubject: (account) => `Confirme seu e-mail para ${account}`,
      welcome: (first, owner, account) => `Olá, ${first}! ${owner} adicionou você a ${account}.`,
      greeting: (first) => `Olá, ${first}!`,
      confirm: (url) => `Confirme seu e-mail para entrar: ${url}`,
      validity: 'O link vale por 7 dias.',
    },
  },
  ja: {
    page: {
      title: 'メールアドレスの確認',
      intro: (account) => `${account} に追加されました。サインインするには、メールアドレスを確認してください。`,
      email: 'メールアドレス',
      password: 'パスワードを設定',
      show: '表示',
      hide: '非表示',
      passwordHint: '12 文字以上。関連のない単語をいくつか並べると、覚えやすく推測されにくいパスワードになります。',
      confirm: 'メールアドレスを確認',
      done: 'メールアドレスが確認されました',
      doneText: 'サインインできるようになりました。',
      unknown: 'このリンクは無効です',
      unknownText: 'メールに記載されたリンクを最後まで開いたか確認してください。',
      used: 'このリンクは使用済みです',
      usedText: 'メールアドレスは確認済みです。サインインできます。',
      expired: 'このリンクは有効期限が切れています',
      expiredText: 'リンクの有効期間は 7 日間です。あなたを追加した人に新しいリンクの送信を依頼してください。',
      replaced: '新しいリンクが送信されています',
      replacedText: '最新のメールに記載されたリンクを使用してください。このリンクは使用できません。',
      errors: {
        required: 'パスワードを入力してください。',
        password_too_short: '12 文字以上で入力してください。',
        password_too_long: '128 文字以内で入力してください。',
        password_too_weak:
          'このパスワードはよく使われているか、メールアドレスと同じです。別のパスワードを選んでください。',
      },
    },
    mail: {
      welcomeSubject: (account) => `${account} へようこそ：メールアドレスを確認してください`,
      verificationSubject: (account) => `${account} のメールアドレスの確認`,
      welcome: (first, owner, account) => `${first} さん、${owner} さんがあなたを ${account} に追加しました。`,
      greeting: (first) => `${first} さん`,
      confirm: (url) => `サインインするには、メールアドレスを確認してください：${url}`,
      validity: 'このリンクの有効期間は 7 日間です。',
    },
  },
  ar: {
    page: {
      title: 'أكِّد عنوان بريدك الإلكتروني',
      intro: (account) => `تمت إضافتك إلى ${account}. أكِّد عنوان بريدك الإلكتروني لتسجيل الدخول.`,
      email: 'البريد الإلكتروني',
      password: 'اختر كلمة مرور',
      show: 'إظهار',
      hide: 'إخفاء',
      passwordHint: '12 حرفًا على الأقل. بضع كلمات لا رابط بينها يسهل تذكّرها ويصعب تخمينها.',
      confirm: 'تأكيد عنوان البريد الإلكتروني',
      done: 'تم تأكيد عنوان بريدك الإلكتروني',
      doneText: 'يمكنك تسجيل الدخول الآن.',
      unknown: 'هذا الرابط غير صالح',
      unknownText: 'تحقّق من أنك فتحت الرابط كاملًا من الرسالة.',
      used: 'سبق استخدام هذا الرابط',
      usedText: 'تم تأكيد عنوان بريدك الإلكتروني. يمكنك تسجيل الدخول.',
      expired: 'انتهت صلاحية هذا الرابط',
      expiredText: 'الروابط صالحة لمدة 7 أيام. اطلب من الشخص الذي أضافك إرسال رابط جديد.',
      replaced: 'تم إرسال رابط أحدث',
      replacedText: 'استخدم الرابط الموجود في أحدث رسالة. هذا الرابط لم يعد يعمل.',
      errors: {
        required: 'أدخل كلمة مرور.',
        password_too_short: 'استخدم 12 حرفًا على الأقل.',
        password_too_long: 'استخدم 128 حرفًا على الأكثر.',
        password_too_weak: 'كلمة المرور هذه شائعة جدًا أو تطابق بريدك الإلكتروني. اختر كلمة أخرى.',
      },
    },
    mail: {
      welcomeSubject: (account) => `مرحبًا بك في ${account}: يُرجى تأكيد عنوان بريدك الإلكتروني`,
      verificationSubject: (account) => `أكِّد عنوان بريدك الإلكتروني لدى ${account}`,
      welcome: (first, owner, account) => `مرحبًا ${first}، أضافك ${owner} إلى ${account}.`,
      greeting: (first) => `مرحبًا ${first}،`,
      confirm: (url) => `أكِّد عنوان بريدك الإلكتروني لتسجيل الدخول: ${url}`,
      validity: 'الرابط صالح لمدة 7 أيام.',
    },
  },
};
