using static Conversations.Grains.Assistant.Offline.CustomerIntent;
using static Conversations.Grains.Assistant.Offline.PhraseScope;

namespace Conversations.Grains.Assistant.Offline;

/// <summary>The English words of the offline assistant.</summary>
internal static class EnglishLexicon
{
    public static LexiconWords Words { get; } = new()
    {
        IntentPhrases =
        [
            .. Phrases(Greeting, Anywhere,
                "hi", "hey", "hello", "hiya", "heya", "howdy", "yo", "greetings", "hi there", "hey there", "hello there",
                "good morning", "good afternoon", "good evening", "good day", "how are you", "how are you doing", "how is it going",
                "what's up"),
            .. Phrases(Greeting, FirstClause, "morning", "afternoon", "evening"),

            .. Phrases(ListServices, Anywhere,
                "services", "service", "menu", "what do you offer", "what do you do", "what do you have", "what can I book",
                "what can you do", "what can I get", "offerings", "treatments", "options", "catalog", "catalogue", "service list",
                "list of services", "what is available"),

            .. Phrases(AskPrices, Anywhere,
                "how much", "price", "prices", "pricing", "priced", "cost", "costs", "costing", "rate", "rates", "fee", "fees",
                "charge", "charges", "how expensive", "expensive", "cheap", "cheapest", "price list", "tariff", "tariffs"),

            .. Phrases(Book, Anywhere,
                "book", "books", "booking", "book in", "book me", "appointment", "appointments", "reserve", "reservation",
                "schedule", "slot", "slots", "available", "availability", "free slot", "come in", "fit me in", "squeeze me in",
                "I want", "I would like", "I need", "can I get", "could I get", "can I have", "could I have", "I wish"),

            .. Phrases(Confirm, Anywhere,
                "yes", "yeah", "yea", "yep", "yup", "yes please", "sure", "ok", "okay", "alright", "all right", "fine",
                "confirm", "confirmed", "I confirm", "sounds good", "sounds great", "sounds perfect", "looks good", "all good",
                "that works", "works for me", "perfect", "great", "awesome", "excellent", "cool", "correct", "exactly",
                "absolutely", "definitely", "of course", "please do", "go ahead", "do it", "let's do it", "deal", "agreed",
                "affirmative", "no problem", "no worries", "that's right", "that's it"),
            .. Phrases(Confirm, WholeMessage, "y", "k", "kk", "good", "right"),

            .. Phrases(Decline, Anywhere,
                "no", "nope", "nah", "no thanks", "no thank you", "not that", "not that one", "not this one", "not this",
                "another time", "some other time", "maybe later", "not now", "not today", "not tomorrow", "not then",
                "not that time", "never mind", "nevermind", "forget it", "forget about it", "changed my mind", "no way",
                "not really", "not good", "not ok", "not fine", "doesn't work", "does not work", "not for me", "none",
                "none of them", "none of those", "neither", "another one", "a different one", "different time", "different day",
                "another day", "other times", "something else", "wrong", "can't do", "couldn't do", "doesn't suit", "does not suit", "not suitable", "I don't want that", "I don't want it", "don't like it",
                "don't like that"),
            .. Phrases(Decline, WholeMessage, "n", "later"),

            .. Phrases(CancelBooking, Anywhere,
                "cancel", "cancellation", "call off", "call it off", "can't make it", "can't come", "won't make it",
                "won't be able to make it", "not be able to make it", "not able to make it", "unable to make it", "unable to come",
                "can't attend", "not going to make it", "not coming", "delete my booking", "delete my appointment",
                "remove my booking", "remove my appointment"),

            .. Phrases(MyBookings, Anywhere,
                "my booking", "my bookings", "my appointment", "my appointments", "my reservation", "my reservations",
                "when is my", "what time is my", "do I have a booking", "do I have an appointment", "do I have any bookings",
                "do I have any appointments", "have I booked", "did I book", "booking status", "upcoming", "am I booked"),

            .. Phrases(Human, Anywhere,
                "human", "a human", "real human", "real person", "a real person", "actual person", "live person", "to a person",
                "with a person", "agent", "an agent", "live agent", "representative", "staff", "staff member", "employee",
                "operator", "receptionist", "reception", "manager", "owner", "someone real", "speak to someone",
                "talk to someone", "speak with someone", "talk with someone", "speak to somebody", "talk to somebody",
                "customer service", "customer support", "support", "call me", "phone me", "ring me", "not a bot", "not a robot"),

            .. Phrases(Thanks, Anywhere,
                "thanks", "thank you", "thanks a lot", "many thanks", "cheers", "appreciate it", "appreciated", "much appreciated",
                "grateful"),

            .. Phrases(Goodbye, Anywhere,
                "bye", "goodbye", "good bye", "bye bye", "see you", "see ya", "see you later", "cya", "good night", "goodnight",
                "have a nice day", "have a good day", "have a great day", "take care", "talk later", "talk to you later", "ttyl",
                "farewell", "that's all", "that is all"),

            // Words that look like an intent but are not one.
            .. Phrases(Unknown, Anywhere,
                "not sure", "no idea", "don't know", "I don't know", "cancellation policy", "I want to know", "I would like to know",
                "want to know", "I need to know", "no show", "what is up with"),
        ],

        Emoji =
        [
            new("\U0001F44D", "ok"), new("\U0001F44C", "ok"), new("\u2705", "yes"), new("\u2714", "yes"), new("\u2611", "yes"),
            new("\U0001F44E", "no"), new("\u274C", "no"), new("\U0001F64F", "thanks"), new("\U0001F44B", "hi"),
        ],

        Shorthands = new Dictionary<string, string>
        {
            ["dont"] = "do not", ["doesnt"] = "does not", ["didnt"] = "did not", ["cant"] = "can not", ["cannot"] = "can not",
            ["wont"] = "will not", ["isnt"] = "is not", ["arent"] = "are not", ["wasnt"] = "was not", ["werent"] = "were not",
            ["couldnt"] = "could not", ["wouldnt"] = "would not", ["shouldnt"] = "should not", ["havent"] = "have not",
            ["hasnt"] = "has not", ["aint"] = "is not", ["im"] = "i am", ["id"] = "i would", ["ive"] = "i have",
            ["youre"] = "you are", ["whats"] = "what is", ["thats"] = "that is", ["hows"] = "how is", ["wheres"] = "where is",
            ["whens"] = "when is", ["wanna"] = "want to", ["gonna"] = "going to", ["lemme"] = "let me", ["gimme"] = "give me",
            ["thx"] = "thanks", ["thanx"] = "thanks", ["thnx"] = "thanks", ["tnx"] = "thanks", ["ty"] = "thanks",
            ["thankyou"] = "thank you", ["tysm"] = "thank you", ["u"] = "you", ["ur"] = "your", ["pls"] = "please",
            ["plz"] = "please", ["tmrw"] = "tomorrow", ["tmr"] = "tomorrow", ["tmrow"] = "tomorrow", ["tomoz"] = "tomorrow",
            ["tonite"] = "tonight", ["nite"] = "night", ["appt"] = "appointment", ["appts"] = "appointments", ["okey"] = "ok",
            ["wknd"] = "weekend", ["helo"] = "hello", ["hellow"] = "hello", ["hallo"] = "hello", ["gud"] = "good",
        },

        CommonWords =
        [
            "a", "about", "above", "across", "after", "again", "against", "all", "almost", "along", "already", "also", "always",
            "am", "an", "and", "any", "anyone", "anything", "anytime", "are", "around", "as", "ask", "at", "away", "back", "bad",
            "be", "because", "been", "before", "being", "below", "best", "better", "between", "big", "both", "bring", "but",
            "by", "call", "came", "can", "car", "change", "check", "child", "children", "city", "close", "closed", "come",
            "could", "day", "did", "do", "does", "doing", "done", "down", "during", "each", "early", "earlier", "either",
            "else", "end", "enough", "even", "ever", "every", "everything", "family", "far", "few", "find", "first", "for",
            "found", "friend", "friends", "from", "full", "get", "give", "go", "going", "gone", "got", "had", "hair", "half",
            "happy", "hard", "has", "have", "he", "head", "hear", "help", "her", "here", "high", "him", "his", "home", "hope",
            "hour", "hours", "house", "how", "however", "if", "important", "in", "inside", "into", "is", "it", "its", "just",
            "keep", "kind", "know", "large", "last", "late", "later", "least", "leave", "less", "let", "lets", "life", "like",
            "likes", "line", "little", "live", "long", "look", "looks", "looking", "lot", "lots", "love", "made", "make",
            "many", "may", "maybe", "me", "mean", "might", "mine", "more", "most", "much", "must", "my", "name", "near",
            "need", "never", "new", "next", "nice", "night", "nothing", "now", "number", "of", "off", "often", "old", "on",
            "once", "only", "open", "opening", "or", "order", "other", "others", "our", "out", "over", "own", "paid", "part",
            "pay", "people", "place", "please", "point", "possible", "pretty", "put", "question", "quick", "quite", "rather",
            "ready", "really", "reason", "right", "said", "same", "say", "says", "second", "see", "seem", "she", "short",
            "should", "show", "side", "since", "small", "so", "some", "something", "sometimes", "soon", "sorry", "start",
            "started", "still", "stop", "store", "stuff", "such", "take", "tell", "than", "that", "the", "their", "them",
            "then", "there", "these", "they", "thing", "things", "think", "this", "those", "though", "three", "through",
            "time", "times", "to", "together", "too", "took", "towards", "try", "trying", "turn", "under", "until", "up",
            "upon", "us", "use", "used", "very", "visit", "wait", "waiting", "want", "wanted", "wants", "was", "way", "we",
            "week", "weeks", "well", "went", "were", "what", "when", "where", "whether", "which", "while", "who", "whole",
            "whom", "whose", "why", "will", "with", "within", "without", "work", "worked", "working", "would", "write",
            "year", "years", "you", "your", "yours", "address", "location", "parking", "where", "open", "hours", "minutes",
            "phone", "email", "number", "today", "there", "their", "three", "these", "those", "where", "there", "heard",
            "started", "states", "stays", "start", "stars", "share", "shape", "bookmark", "looked", "cooking", "hello",
            "money", "cash", "card", "pay", "paying", "payment", "deposit", "refund", "price", "wife", "husband", "son",
            "daughter", "mother", "father", "kids", "friend", "instead", "actually", "already", "definitely", "sorry",
            "being", "doing", "having", "getting", "wanting", "another", "person", "people", "somebody", "someone",
            "anybody", "nobody", "everyone", "everybody", "message", "messages", "waiting", "happen", "happened", "hurry",
        ],

        Negators = ["not", "never", "without"],
        AdjacentNegators = ["no"],
        AbilityWords = ["can", "could"],
        ClauseWords = ["but"],
        QuestionOpeners =
        [
            "what", "when", "where", "which", "who", "whom", "whose", "why", "how", "do", "does", "did", "is", "are", "am", "can",
            "could", "would", "will", "may", "should", "shall", "have", "has", "any",
        ],

        Months = new Dictionary<string, int>
        {
            ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4,
            ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
            ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
            ["december"] = 12, ["dec"] = 12,
        },
        Weekdays = new Dictionary<string, DayOfWeek>
        {
            ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday,
            ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
            ["wed"] = DayOfWeek.Wednesday, ["weds"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday,
            ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
            ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
            ["sat"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
        },
        RelativeDays =
        [
            ("today", 0, null), ("tomorrow", 1, null), ("tonight", 0, DayPart.Evening), ("day after tomorrow", 2, null),
            ("this morning", 0, DayPart.Morning), ("this afternoon", 0, DayPart.Afternoon), ("this evening", 0, DayPart.Evening),
        ],
        NextWords = ["next"],
        NextWeek = "next week",
        WeekendWords = ["weekend"],
        DateFillers = ["the", "of"],
        DayOfMonthLeads = ["the", "on"],
        NotDayAfter = ["one", "option", "slot", "choice"],
        InWords = ["in"],
        Articles = ["a", "an", "one"],
        DayUnits = new Dictionary<string, int> { ["day"] = 1, ["days"] = 1, ["week"] = 7, ["weeks"] = 7 },
        DayParts = new Dictionary<string, DayPart>
        {
            ["morning"] = DayPart.Morning, ["afternoon"] = DayPart.Afternoon, ["evening"] = DayPart.Evening, ["night"] = DayPart.Evening,
        },
        NamedTimes = new Dictionary<string, TimeOnly>
        {
            ["noon"] = new(12, 0), ["midday"] = new(12, 0), ["midnight"] = new(0, 0),
        },
        AmWords = ["am"],
        PmWords = ["pm"],
        HourMarks = ["h"],
        OClock = ["o'clock", "o clock"],
        TimeLeads = ["at", "around", "about", "from"],
        MinuteOffsets = [("half past", 30), ("quarter past", 15), ("quarter after", 15), ("quarter to", -15), ("quarter til", -15)],
        Numbers = new Dictionary<string, int>
        {
            ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
            ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        },
        Ordinals = new Dictionary<string, int>
        {
            ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
            ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["earliest"] = 1,
        },
        OrdinalSuffixes = ["st", "nd", "rd", "th"],
        LastWords = ["last", "latest", "final"],
        ChoiceLeads = ["number", "option", "choice", "nr", "num", "#"],
        NotChoiceBefore = ["at", "in", "around", "about", "by", "before", "after", "until", "till", "from", "for", "on", "to", "past"],
        NotChoiceAfter =
        [
            "am", "pm", "h", "oclock", "o", "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
            "minute", "minutes", "min", "mins", "people", "person", "persons", "guests", "of", "times", "x", "in",
        ],
        Pointers = ["the", "that", "this", "which", "any", "each", "every"],
        ChoiceFillers =
        [
            "the", "one", "ones", "please", "ok", "okay", "yes", "i", "would", "like", "will", "take", "go", "with", "lets",
            "let", "us", "me", "that", "this", "want", "for", "option", "number", "choice", "is", "fine", "thanks", "a",
            "and", "have", "get", "just", "pick", "choose",
        ],
        PluralEndings = [("ss", "ss"), ("us", "us"), ("is", "is"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("ies", "y"), ("s", "")],
        ServiceStopWords =
        [
            "a", "an", "the", "and", "or", "for", "with", "of", "to", "in", "on", "at", "by", "my", "me", "i", "you", "your",
            "please", "want", "would", "like", "get", "have", "need", "one", "some", "just", "can", "could", "do", "is", "it",
            "that", "this", "am", "be", "ok", "yes", "hi", "hello", "hey", "thanks", "thank", "lets", "let", "go", "take",
            "will", "also", "book", "booking", "appointment", "make", "try", "interested", "looking", "about", "what",
        ],
    };

    private static IEnumerable<(string, CustomerIntent, PhraseScope)> Phrases(CustomerIntent intent, PhraseScope scope, params string[] phrases) =>
        phrases.Select(p => (p, intent, scope));
}
