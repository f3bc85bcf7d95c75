using System.Globalization;

namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// Reads when a customer wants to come, in the business's local calendar. Rules:
/// <list type="bullet">
/// <item>A day and month without a year is the next one from today: 25/12 said on 26 December is next year's.
/// A date that exists in neither this year nor the next (31/02, 29/02 outside a leap year) is impossible, and so is
/// any date with an impossible day or month; its <see cref="RequestedTime.Date"/> is null, never guessed.</item>
/// <item>A weekday ("friday", "this friday", "on friday") is the next one from today, and today itself when the
/// time or part of the day asked for is still ahead (or none was asked for). "next friday" is the first Friday
/// strictly after today; "friday next week" is the Friday of the following Monday-to-Sunday week.</item>
/// <item>Only numbers that look like times are times: with am/pm, "at", "o'clock", a colon or dot ("15:30",
/// "15.30"), an "h" ("15h", a 24-hour clock), or "in the afternoon". A bare "2" is a list choice, not 2 o'clock.</item>
/// <item>An hour 1–12 without am/pm is read with business-hours sense: 1–7 pm, 8–11 am, 12 noon, unless a part
/// of the day says otherwise ("at 3 in the morning", "tonight at 8"). "09:00" with its zero is 24-hour.</item>
/// <item>Numeric dates are day/month unless the parser was made with <see cref="DateOrder.MonthDay"/>; a first part
/// of four digits is always year-month-day. Two-part dotted numbers are times (15.30), three-part ones dates.</item>
/// </list>
/// </summary>
public sealed class WhenParser(DateOrder order, Lexicon lexicon)
{
    public WhenParser(DateOrder order = DateOrder.DayMonth)
        : this(order, Lexicon.English)
    {
    }

    /// <summary>When the message asks for, or null when it names no day, time or part of the day.</summary>
    public RequestedTime? Parse(string text, DateTimeOffset localNow)
    {
        var message = lexicon.Normalizer.Normalize(text, correct: true);
        return Resolve(Scan(message, DateOnly.FromDateTime(localNow.DateTime)), localNow);
    }

    /// <param name="afterList">
    /// The message answers a numbered list, so "the 3rd" is its third entry; only "on the 3rd" is a day of the month.
    /// </param>
    internal WhenFindings Scan(NormalizedText message, DateOnly today, bool afterList = false)
    {
        var found = new WhenFindings();
        for (var i = 0; i < message.Count;)
        {
            var used = RelativeDay(message, i, today, found);
            used = used > 0 ? used : DaysAhead(message, i, today, found);
            used = used > 0 ? used : Weekday(message, i, found);
            used = used > 0 ? used : MonthDate(message, i, today, found);
            used = used > 0 ? used : NumericDate(message, i, today, found);
            used = used > 0 ? used : DayOfMonth(message, i, today, afterList, found);
            used = used > 0 ? used : Time(message, i, found);
            used = used > 0 ? used : Part(message, i, found);
            i += Math.Max(used, 1);
        }

        return found;
    }

    internal static RequestedTime? Resolve(WhenFindings found, DateTimeOffset localNow)
    {
        if (found.IsEmpty)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(localNow.DateTime);
        var now = TimeOnly.FromDateTime(localNow.DateTime);
        var time = found.Clock?.ToTime(found.Part);
        var date = found.Date ?? (found.Weekday is { } weekday ? WeekdayDate(found, weekday, today, StillAhead(now, time, found.Part)) : null);
        var isExplicit = date is not null;
        var impossible = found.DateImpossible && date is null;
        if (date is null && !impossible && (time is not null || found.Part is not null))
        {
            date = StillAhead(now, time, found.Part) ? today : today.AddDays(1);
        }

        return new RequestedTime(date, time, found.Part, isExplicit, impossible);
    }

    private static bool StillAhead(TimeOnly now, TimeOnly? time, DayPart? part) =>
        time is { } t ? t > now : part is not { } p || now < DayPartHours.End(p);

    private static DateOnly WeekdayDate(WhenFindings found, DayOfWeek weekday, DateOnly today, bool stillAhead)
    {
        if (found.WeekdayNextWeek)
        {
            var nextMonday = today.AddDays(7 - DaysSinceMonday(today.DayOfWeek));
            return nextMonday.AddDays(DaysSinceMonday(weekday));
        }

        if (found.Weekend && !found.WeekdayStrict && today.DayOfWeek == DayOfWeek.Sunday)
        {
            return today;
        }

        var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 && (found.WeekdayStrict || !stillAhead) ? 7 : ahead);
    }

    private static int DaysSinceMonday(DayOfWeek day) => ((int)day + 6) % 7;

    private int RelativeDay(NormalizedText message, int i, DateOnly today, WhenFindings found)
    {
        foreach (var relative in lexicon.RelativeDays)
        {
            if (message.HasAt(i, relative.Words))
            {
                SetDate(found, today.AddDays(relative.Days));
                found.Part ??= relative.Part;
                return relative.Words.Count;
            }
        }

        return 0;
    }

    // "in 2 days", "in a week".
    private int DaysAhead(NormalizedText message, int i, DateOnly today, WhenFindings found)
    {
        if (!lexicon.InWords.Contains(message[i]) || !lexicon.DayUnits.TryGetValue(message.At(i + 2), out var unit))
        {
            return 0;
        }

        var count = lexicon.Articles.Contains(message.At(i + 1)) ? 1 : Number(message.At(i + 1), maxDigits: 3);
        if (count is not { } n)
        {
            return 0;
        }

        SetDate(found, today.AddDays(n * unit));
        return 3;
    }

    private int Weekday(NormalizedText message, int i, WhenFindings found)
    {
        var word = message[i];
        var weekend = lexicon.WeekendWords.Contains(word);
        if (!lexicon.Weekdays.TryGetValue(word, out var weekday) && !weekend)
        {
            return 0;
        }

        var nextWeek = message.HasAt(i + 1, lexicon.NextWeek);
        if (found.Weekday is null)
        {
            found.Weekday = weekend ? DayOfWeek.Saturday : weekday;
            found.Weekend = weekend;
            found.WeekdayStrict = lexicon.NextWords.Contains(message.At(i - 1));
            found.WeekdayNextWeek = nextWeek;
        }

        return nextWeek ? 1 + lexicon.NextWeek.Count : 1;
    }

    // "december 25th 2026", "dec 25", "25 december", "the 25th of december".
    private int MonthDate(NormalizedText message, int i, DateOnly today, WhenFindings found)
    {
        int? day;
        var j = i;
        if (lexicon.Months.TryGetValue(message[i], out var month))
        {
            j = SkipFillers(message, j + 1);
            day = DayNumber(message, j);
            if (day is null)
            {
                return 0;
            }

            j = SkipSuffix(message, j + 1);
        }
        else
        {
            day = DayNumber(message, i);
            if (day is null || lexicon.TimeLeads.Contains(message.At(i - 1)))
            {
                return 0;
            }

            j = SkipFillers(message, SkipSuffix(message, i + 1));
            if (!lexicon.Months.TryGetValue(message.At(j), out month))
            {
                return 0;
            }

            j++;
        }

        int? year = null;
        if (message.At(j) is { Length: 4 } y && y.All(char.IsAsciiDigit))
        {
            year = int.Parse(y, CultureInfo.InvariantCulture);
            j++;
        }

        SetDate(found, year, month, day.Value, today);
        return j - i;
    }

    // "25/12", "12/25" (month first), "25/12/2026", "25-12-26", "2026-12-25", "25.12.2026".
    private int NumericDate(NormalizedText message, int i, DateOnly today, WhenFindings found)
    {
        var word = message[i];
        var separator = word.FirstOrDefault(c => c is '/' or '-' or '.');
        if (separator == default || word.Any(c => c is ':'))
        {
            return 0;
        }

        var parts = word.Split(separator);
        if (parts.Any(p => p.Length > 4) || parts.Length > 3 || (parts.Length == 2 && separator != '/'))
        {
            return 0;
        }

        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        int? year;
        int month, day;
        if (parts[0].Length == 4)
        {
            if (parts.Length != 3)
            {
                return 0;
            }

            (year, month, day) = (numbers[0], numbers[1], numbers[2]);
        }
        else
        {
            if (parts[0].Length > 2 || parts[1].Length > 2)
            {
                return 0;
            }

            (day, month) = order == DateOrder.DayMonth ? (numbers[0], numbers[1]) : (numbers[1], numbers[0]);
            year = parts.Length < 3 ? null : parts[2].Length switch
            {
                2 => 2000 + numbers[2],
                4 => numbers[2],
                _ => -1,
            };
            if (year == -1)
            {
                return 0;
            }
        }

        SetDate(found, year, month, day, today);
        return 1;
    }

    // "on the 25th", "friday the 19th": this month's, or next month's once it has passed.
    private int DayOfMonth(NormalizedText message, int i, DateOnly today, bool afterList, WhenFindings found)
    {
        if (DayNumber(message, i) is not { } day || !lexicon.OrdinalSuffixes.Contains(message.At(i + 1)) || lexicon.NotDayAfter.Contains(message.At(i + 2)))
        {
            return 0;
        }

        var lead = i - 1;
        var led = lexicon.DayOfMonthLeads.Contains(message.At(lead));
        while (lexicon.DateFillers.Contains(message.At(lead)))
        {
            lead--;
        }

        var firmlyLed = !lexicon.DateFillers.Contains(message.At(lead))
            && (lexicon.DayOfMonthLeads.Contains(message.At(lead)) || lexicon.Weekdays.ContainsKey(message.At(lead)));
        if (!firmlyLed && (afterList || !led))
        {
            return 0;
        }

        var month = new DateOnly(today.Year, today.Month, 1);
        for (var ahead = 0; ahead < 2; ahead++, month = month.AddMonths(1))
        {
            if (day <= DateTime.DaysInMonth(month.Year, month.Month) && new DateOnly(month.Year, month.Month, day) >= today)
            {
                SetDate(found, new DateOnly(month.Year, month.Month, day));
                return 2;
            }
        }

        found.DateImpossible = true;
        return 2;
    }

    private int Time(NormalizedText message, int i, WhenFindings found)
    {
        var used = ReadTime(message, i, out var clock);
        if (used > 0)
        {
            found.Clock ??= clock;
        }

        return used;
    }

    /// <summary>The words from <paramref name="i"/> that say a time, and the time; 0 when they do not.</summary>
    internal int ReadTime(NormalizedText message, int i, out ClockTime clock)
    {
        clock = default;
        var word = message[i];
        if (lexicon.NamedTimes.TryGetValue(word, out var named))
        {
            clock = new ClockTime(named.Hour, named.Minute, IsGuess: false);
            return 1;
        }

        foreach (var offset in lexicon.MinuteOffsets)
        {
            var after = i + offset.Words.Count;
            if (message.HasAt(i, offset.Words) && Number(message.At(after), maxDigits: 2) is >= 1 and <= 12 and var hour)
            {
                clock = new ClockTime(hour, offset.Minutes, IsGuess: true);
                return offset.Words.Count + 1 + Meridiem(message, after + 1, ref clock);
            }
        }

        if (ClockToken(word) is { } token)
        {
            clock = token;
            return 1 + Meridiem(message, i + 1, ref clock);
        }

        if (Number(word, maxDigits: 2) is not { } number || number > 23)
        {
            return 0;
        }

        var next = message.At(i + 1);
        var isDigits = word.All(char.IsAsciiDigit);
        if (lexicon.AmWords.Contains(next) || lexicon.PmWords.Contains(next))
        {
            clock = new ClockTime(number, 0, IsGuess: false);
            return number is >= 1 and <= 12 ? 1 + Meridiem(message, i + 1, ref clock) : 0;
        }

        if (lexicon.HourMarks.Contains(next) && isDigits)
        {
            var minutes = message.At(i + 2);
            var hasMinutes = minutes.Length == 2 && minutes.All(char.IsAsciiDigit) && int.Parse(minutes, CultureInfo.InvariantCulture) < 60;
            clock = new ClockTime(number, hasMinutes ? int.Parse(minutes, CultureInfo.InvariantCulture) : 0, IsGuess: false);
            return hasMinutes ? 3 : 2;
        }

        clock = new ClockTime(number, 0, IsGuess: number is >= 1 and <= 12);
        foreach (var oclock in lexicon.OClock)
        {
            if (message.HasAt(i + 1, oclock))
            {
                return 1 + oclock.Length + Meridiem(message, i + 1 + oclock.Length, ref clock);
            }
        }

        var partFollows = lexicon.InWords.Contains(next)
            && (lexicon.DayParts.ContainsKey(message.At(i + 2)) || (lexicon.DateFillers.Contains(message.At(i + 2)) && lexicon.DayParts.ContainsKey(message.At(i + 3))));
        if (i > 0 && lexicon.TimeLeads.Contains(message[i - 1]) && message.SameClause(i - 1, i) || partFollows)
        {
            return 1;
        }

        clock = default;
        return 0;
    }

    private int Part(NormalizedText message, int i, WhenFindings found)
    {
        if (!lexicon.DayParts.TryGetValue(message[i], out var part))
        {
            return 0;
        }

        if (!Greets(message, i))
        {
            found.Part ??= part;
        }

        return 1;
    }

    // "Good afternoon! Could I come at 11:30?" greets; it does not ask for the afternoon. A lone "afternoon" answers.
    private bool Greets(NormalizedText message, int i)
    {
        for (var start = Math.Max(0, i - 2); start <= i; start++)
        {
            if (lexicon.PhraseAt(message, start) is { Intent: CustomerIntent.Greeting } phrase && start + phrase.Words.Count > i
                && (phrase.Scope != PhraseScope.FirstClause || start + phrase.Words.Count < message.Count))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Applies an am/pm at <paramref name="at"/>, returning how many words it took.</summary>
    private int Meridiem(NormalizedText message, int at, ref ClockTime clock)
    {
        var word = message.At(at);
        var pm = lexicon.PmWords.Contains(word);
        if (!pm && !lexicon.AmWords.Contains(word))
        {
            return 0;
        }

        if (clock.Hour is >= 1 and <= 12)
        {
            clock = new ClockTime(clock.Hour % 12 + (pm ? 12 : 0), clock.Minutes, IsGuess: false);
        }

        return 1;
    }

    // "15:30", "3:30", "09:00", "15.30": a colon or dot and two digits of minutes.
    private static ClockTime? ClockToken(string word)
    {
        var parts = word.Split(':', '.');
        if (parts.Length != 2 || parts[0].Length is < 1 or > 2 || parts[1].Length != 2 || !word.All(c => char.IsAsciiDigit(c) || c is ':' or '.'))
        {
            return null;
        }

        var (hour, minute) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        if (hour > 23 || minute > 59)
        {
            return null;
        }

        var twentyFourHour = parts[0].Length == 2 && parts[0][0] == '0';
        return new ClockTime(hour, minute, IsGuess: !twentyFourHour && hour is >= 1 and <= 12);
    }

    /// <summary>A number written in digits (at most <paramref name="maxDigits"/>) or as a word.</summary>
    private int? Number(string word, int maxDigits)
    {
        if (word.Length is > 0 && word.Length <= maxDigits && word.All(char.IsAsciiDigit))
        {
            return int.Parse(word, CultureInfo.InvariantCulture);
        }

        return lexicon.Numbers.TryGetValue(word, out var number) ? number : null;
    }

    /// <summary>A day of the month in digits, unless the words after it make it a time ("may 3pm").</summary>
    private int? DayNumber(NormalizedText message, int i)
    {
        var word = message.At(i);
        if (word.Length is < 1 or > 2 || !word.All(char.IsAsciiDigit))
        {
            return null;
        }

        var next = message.At(i + 1);
        if (lexicon.AmWords.Contains(next) || lexicon.PmWords.Contains(next) || lexicon.HourMarks.Contains(next) || lexicon.OClock.Any(o => message.HasAt(i + 1, o)))
        {
            return null;
        }

        return int.Parse(word, CultureInfo.InvariantCulture);
    }

    private int SkipFillers(NormalizedText message, int j)
    {
        while (lexicon.DateFillers.Contains(message.At(j)))
        {
            j++;
        }

        return j;
    }

    private int SkipSuffix(NormalizedText message, int j) => lexicon.OrdinalSuffixes.Contains(message.At(j)) ? j + 1 : j;

    private static void SetDate(WhenFindings found, DateOnly date) => found.Date ??= date;

    private static void SetDate(WhenFindings found, int? year, int month, int day, DateOnly today)
    {
        if (Exists(year ?? today.Year, month, day) && year is { } given)
        {
            SetDate(found, new DateOnly(given, month, day));
            return;
        }

        for (var y = today.Year; year is null && y <= today.Year + 1; y++)
        {
            if (Exists(y, month, day) && new DateOnly(y, month, day) >= today)
            {
                SetDate(found, new DateOnly(y, month, day));
                return;
            }
        }

        found.DateImpossible = true;
    }

    private static bool Exists(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
