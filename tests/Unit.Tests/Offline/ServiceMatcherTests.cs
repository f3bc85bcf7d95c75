using Conversations.Grains.Assistant.Offline;

namespace Conversations.Unit.Tests.Offline;

public sealed class ServiceMatcherTests
{
    private static readonly IReadOnlyList<ServiceOption> Salon =
    [
        Service("Men's Haircut"),
        Service("Women's Haircut"),
        Service("Hair Colour"),
        Service("Manicure"),
        Service("Beard Trim"),
        Service("Haircut & Beard"),
    ];

    private readonly ServiceMatcher matcher = new();

    private static ServiceOption Service(string name) => new(Guid.NewGuid(), name);

    private string Chosen(string text, IReadOnlyList<ServiceOption>? services = null) =>
        matcher.Match(text, services ?? Salon) switch
        {
            null => "none",
            { Chosen: { } one } => one.Name,
            var ambiguous => string.Join(" | ", ambiguous.Candidates.Select(c => c.Name)),
        };

    [Theory]
    [InlineData("1", "Men's Haircut")]
    [InlineData("2", "Women's Haircut")]
    [InlineData("2.", "Women's Haircut")]
    [InlineData("#2", "Women's Haircut")]
    [InlineData("# 2", "Women's Haircut")]
    [InlineData("number 2", "Women's Haircut")]
    [InlineData("Number 2 please", "Women's Haircut")]
    [InlineData("option 3", "Hair Colour")]
    [InlineData("the second one", "Women's Haircut")]
    [InlineData("second", "Women's Haircut")]
    [InlineData("the secnd one", "Women's Haircut")]
    [InlineData("2nd", "Women's Haircut")]
    [InlineData("the 2nd one", "Women's Haircut")]
    [InlineData("two", "Women's Haircut")]
    [InlineData("two please", "Women's Haircut")]
    [InlineData("option two", "Women's Haircut")]
    [InlineData("the first", "Men's Haircut")]
    [InlineData("first one please", "Men's Haircut")]
    [InlineData("I'll take number 4", "Manicure")]
    [InlineData("the last one", "Haircut & Beard")]
    [InlineData("6", "Haircut & Beard")]
    public void By_number_in_the_list(string text, string expected) => Assert.Equal(expected, Chosen(text));

    [Theory]
    [InlineData("7")]
    [InlineData("0")]
    [InlineData("number 12")]
    [InlineData("the tenth one")]
    public void A_number_beyond_the_list_chooses_nothing(string text) => Assert.Equal("none", Chosen(text));

    [Theory]
    [InlineData("1 or 2", "Men's Haircut | Women's Haircut")]
    [InlineData("the first or the second", "Men's Haircut | Women's Haircut")]
    public void Two_numbers_are_ambiguous(string text, string expected) => Assert.Equal(expected, Chosen(text));

    [Theory]
    [InlineData("not the first one", "none")]
    [InlineData("not 2, 3", "Hair Colour")]
    public void A_negated_number_is_not_a_choice(string text, string expected) => Assert.Equal(expected, Chosen(text));

    [Theory]
    [InlineData("manicure", "Manicure")]
    [InlineData("Manicure", "Manicure")]
    [InlineData("MANICURE!", "Manicure")]
    [InlineData("a manicure please", "Manicure")]
    [InlineData("I'd like a manicure", "Manicure")]
    [InlineData("manicures", "Manicure")]
    [InlineData("mani", "Manicure")]
    [InlineData("men's haircut", "Men's Haircut")]
    [InlineData("a men's haircut please", "Men's Haircut")]
    [InlineData("mens haircut", "Men's Haircut")]
    [InlineData("Men Haircut", "Men's Haircut")]
    [InlineData("women's haircut", "Women's Haircut")]
    [InlineData("womens hair cut", "Women's Haircut")]
    [InlineData("hair colour", "Hair Colour")]
    [InlineData("colour", "Hair Colour")]
    [InlineData("color", "Hair Colour")]
    [InlineData("hair color", "Hair Colour")]
    [InlineData("beard trim", "Beard Trim")]
    [InlineData("trim", "Beard Trim")]
    [InlineData("haircut and beard", "Haircut & Beard")]
    [InlineData("haircut & beard", "Haircut & Beard")]
    [InlineData("can I book a manicure for tomorrow at 3?", "Manicure")]
    public void By_name_whole_or_in_part(string text, string expected) => Assert.Equal(expected, Chosen(text));

    [Theory]
    [InlineData("manicrue", "Manicure")]
    [InlineData("manicur", "Manicure")]
    [InlineData("manicureee", "Manicure")]
    [InlineData("mens hiarcut", "Men's Haircut")]
    [InlineData("womens haicut", "Women's Haircut")]
    [InlineData("colur", "Hair Colour")]
    [InlineData("berd trim", "Beard Trim")]
    public void Small_typos_are_forgiven(string text, string expected) => Assert.Equal(expected, Chosen(text));

    [Theory]
    [InlineData("haircut", "Men's Haircut | Women's Haircut | Haircut & Beard")]
    [InlineData("a haircut please", "Men's Haircut | Women's Haircut | Haircut & Beard")]
    [InlineData("beard", "Beard Trim | Haircut & Beard")]
    public void A_name_that_fits_several_services_equally_is_ambiguous(string text, string expected) => Assert.Equal(expected, Chosen(text));

    [Fact]
    public void The_brief_example_haircut_between_men_and_women()
    {
        IReadOnlyList<ServiceOption> services = [Service("Men's Haircut"), Service("Women's Haircut")];
        var match = matcher.Match("haircut", services);
        Assert.NotNull(match);
        Assert.True(match.IsAmbiguous);
        Assert.Null(match.Chosen);
        Assert.Equal(services, match.Candidates);
    }

    [Theory]
    [InlineData("pedicure")]
    [InlineData("massage")]
    [InlineData("I want to book")]
    [InlineData("tomorrow at 3")]
    [InlineData("yes")]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("at 2")]
    [InlineData("in 2 days")]
    [InlineData("2pm")]
    [InlineData("2 people")]
    public void Nothing_when_the_message_names_no_service(string text) => Assert.Equal("none", Chosen(text));

    [Fact]
    public void An_empty_list_matches_nothing() => Assert.Null(matcher.Match("1", []));

    [Theory]
    [InlineData("book", "none")]
    [InlineData("look", "New Look")]
    [InlineData("new look", "New Look")]
    [InlineData("cut", "Cut & Go")]
    public void Words_with_a_meaning_of_their_own_are_not_typos_of_a_service(string text, string expected) =>
        Assert.Equal(expected, Chosen(text, [Service("New Look"), Service("Cut & Go")]));

    [Theory]
    [InlineData("haircut", "Haircut")]
    [InlineData("haircut and colour", "Haircut & Colour")]
    [InlineData("colour", "Colour")]
    [InlineData("balayage", "Balayage with Toner and Blow Dry")]
    [InlineData("blow dry", "Balayage with Toner and Blow Dry")]
    [InlineData("blowdry", "Balayage with Toner and Blow Dry")]
    public void A_name_said_in_full_beats_a_longer_name_that_contains_it(string text, string expected) =>
        Assert.Equal(expected, Chosen(text, [Service("Haircut"), Service("Haircut & Colour"), Service("Colour"), Service("Balayage with Toner and Blow Dry")]));

    [Theory]
    [InlineData("2", "Package 2")]
    [InlineData("Package 1", "Package 1")]
    [InlineData("package 2", "Package 2")]
    public void A_number_inside_service_names_still_reads_as_the_list_position_when_alone(string text, string expected) =>
        Assert.Equal(expected, Chosen(text, [Service("Package 1"), Service("Package 2"), Service("Package 3")]));

    [Theory]
    [InlineData("brows", "Eyebrow Threading")]
    [InlineData("eyebrows", "Eyebrow Threading")]
    [InlineData("lashes", "Eyelash Extensions")]
    [InlineData("lash extensions", "Eyelash Extensions")]
    [InlineData("gel nails", "Gel Manicure")]
    [InlineData("classic mani", "Classic Manicure")]
    [InlineData("manicure", "Gel Manicure | Classic Manicure")]
    [InlineData("massage", "Full Body Massage (60 min) | Deep Tissue Massage")]
    [InlineData("60 min massage", "Full Body Massage (60 min)")]
    [InlineData("deep tissue", "Deep Tissue Massage")]
    [InlineData("a facial tomorrow at 3", "Facial")]
    [InlineData("haircut for my son", "Kids Haircut")]
    [InlineData("kids haircuts", "Kids Haircut")]
    [InlineData("blow-dry", "Blow Dry")]
    [InlineData("not the pedicure, the facial", "Facial")]
    [InlineData("the one with the gel", "Gel Manicure")]
    [InlineData("the 10th", "Blow Dry")]
    [InlineData("nails", "none")]
    [InlineData("something relaxing", "none")]
    public void A_longer_menu(string text, string expected) =>
        Assert.Equal(expected, Chosen(text,
        [
            Service("Gel Manicure"), Service("Classic Manicure"), Service("Pedicure"), Service("Eyebrow Threading"), Service("Eyelash Extensions"),
            Service("Full Body Massage (60 min)"), Service("Deep Tissue Massage"), Service("Facial"), Service("Kids Haircut"), Service("Blow Dry"),
        ]));

    [Fact]
    public void A_number_and_a_different_full_name_are_ambiguous() =>
        Assert.Equal("Women's Haircut | Manicure", Chosen("2, the manicure"));

    [Fact]
    public void Accents_and_case_do_not_matter() =>
        Assert.Equal("Crème Brûlée Facial", Chosen("creme brulee facial", [Service("Crème Brûlée Facial"), Service("Deep Facial")]));
}
