using Conversations.Grains.Assistant.Offline;

namespace Conversations.Unit.Tests.Offline;

public sealed class IntentReaderTests
{
    private readonly IntentReader reader = new();

    [Theory]
    [InlineData("hi", CustomerIntent.Greeting)]
    [InlineData("Hello", CustomerIntent.Greeting)]
    [InlineData("HELLO!!!", CustomerIntent.Greeting)]
    [InlineData("helloooo", CustomerIntent.Greeting)]
    [InlineData("hiii", CustomerIntent.Greeting)]
    [InlineData("heyyy there", CustomerIntent.Greeting)]
    [InlineData("helo", CustomerIntent.Greeting)]
    [InlineData("good morning", CustomerIntent.Greeting)]
    [InlineData("Good Morning :)", CustomerIntent.Greeting)]
    [InlineData("goood morninggg", CustomerIntent.Greeting)]
    [InlineData("hey there", CustomerIntent.Greeting)]
    [InlineData("morning!", CustomerIntent.Greeting)]
    [InlineData("good evening", CustomerIntent.Greeting)]
    [InlineData("how are you?", CustomerIntent.Greeting)]
    [InlineData("what's up", CustomerIntent.Greeting)]
    [InlineData("👋", CustomerIntent.Greeting)]
    public void Greetings(string text, CustomerIntent expected) => Assert.Equal(expected, reader.Read(text).Intent);

    [Theory]
    [InlineData("what services do you have", CustomerIntent.ListServices)]
    [InlineData("What services do you have?", CustomerIntent.ListServices)]
    [InlineData("menu", CustomerIntent.ListServices)]
    [InlineData("what do you offer", CustomerIntent.ListServices)]
    [InlineData("services", CustomerIntent.ListServices)]
    [InlineData("servises", CustomerIntent.ListServices)]
    [InlineData("what can I book?", CustomerIntent.ListServices)]
    [InlineData("which treatments do you do", CustomerIntent.ListServices)]
    public void Service_list_requests(string text, CustomerIntent expected) => Assert.Equal(expected, reader.Read(text).Intent);

    [Theory]
    [InlineData("how much")]
    [InlineData("how much?")]
    [InlineData("prices")]
    [InlineData("PRICES PLEASE")]
    [InlineData("pirces")]
    [InlineData("what does a haircut cost")]
    [InlineData("how much is a men's haircut")]
    [InlineData("what are your rates")]
    [InlineData("price list")]
    [InlineData("how much does it cost to book a haircut tomorrow")]
    [InlineData("what services do you have and how much are they")]
    public void Price_questions_are_AskPrices_even_when_they_name_a_service_or_a_booking(string text) =>
        Assert.Equal(CustomerIntent.AskPrices, reader.Read(text).Intent);

    [Theory]
    [InlineData("I'd like to book")]
    [InlineData("id like to book")]
    [InlineData("can I make an appointment")]
    [InlineData("book a haircut tomorrow")]
    [InlineData("I want a haircut tomorrow at 3")]
    [InlineData("i need an apointment")]
    [InlineData("appointmnet please")]
    [InlineData("is there availability on friday?")]
    [InlineData("do you have any slots tomorrow")]
    [InlineData("can i get a manicure")]
    [InlineData("I would like to reserve a table")]
    [InlineData("booking")]
    [InlineData("Can you fit me in today?")]
    [InlineData("hi, can I book a haircut tomorrow at 3pm")]
    public void Booking_requests(string text) => Assert.Equal(CustomerIntent.Book, reader.Read(text).Intent);

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes!")]
    [InlineData("yesss")]
    [InlineData("yep")]
    [InlineData("yup")]
    [InlineData("yeah sure")]
    [InlineData("confirm")]
    [InlineData("ok")]
    [InlineData("OK")]
    [InlineData("okay")]
    [InlineData("okkk")]
    [InlineData("sounds good")]
    [InlineData("sounds good!")]
    [InlineData("👍")]
    [InlineData("👍🏽")]
    [InlineData("👌")]
    [InlineData("✅")]
    [InlineData("perfect")]
    [InlineData("that works for me")]
    [InlineData("y")]
    [InlineData("k")]
    [InlineData("yes please")]
    [InlineData("go ahead")]
    [InlineData("no problem")]
    [InlineData("ok thanks")]
    [InlineData("yes, tomorrow at 3")]
    public void Confirmations(string text) => Assert.Equal(CustomerIntent.Confirm, reader.Read(text).Intent);

    [Theory]
    [InlineData("no")]
    [InlineData("No.")]
    [InlineData("nooo")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("not that")]
    [InlineData("not that one")]
    [InlineData("another time")]
    [InlineData("no thanks")]
    [InlineData("no thank you")]
    [InlineData("maybe later")]
    [InlineData("later")]
    [InlineData("never mind")]
    [InlineData("👎")]
    [InlineData("not ok")]
    [InlineData("that doesn't work")]
    [InlineData("that doesnt work for me")]
    [InlineData("none of them")]
    [InlineData("yes but not tomorrow")]
    [InlineData("ok, no")]
    [InlineData("I don't want to book")]
    [InlineData("don't cancel it")]
    [InlineData("no, I don't want to talk to a human")]
    [InlineData("I do not need an agent")]
    [InlineData("no agent please")]
    [InlineData("I can't do tomorrow")]
    [InlineData("that doesn't suit me")]
    public void Refusals(string text) => Assert.Equal(CustomerIntent.Decline, reader.Read(text).Intent);

    [Theory]
    [InlineData("cancel my booking")]
    [InlineData("I want to cancel my appointment")]
    [InlineData("cancel")]
    [InlineData("Cancle my booking please")]
    [InlineData("I can't make it")]
    [InlineData("I cant make it tomorrow")]
    [InlineData("sorry, i won't be able to make it")]
    [InlineData("I'm not coming")]
    [InlineData("hi, I need to cancel")]
    [InlineData("no, cancel it")]
    public void Cancellations(string text) => Assert.Equal(CustomerIntent.CancelBooking, reader.Read(text).Intent);

    [Theory]
    [InlineData("when is my appointment")]
    [InlineData("When is my appointment?")]
    [InlineData("my booking")]
    [InlineData("do I have a booking")]
    [InlineData("what time is my haircut")]
    [InlineData("I can't find my booking")]
    [InlineData("did I book for friday?")]
    public void Own_bookings(string text) => Assert.Equal(CustomerIntent.MyBookings, reader.Read(text).Intent);

    [Theory]
    [InlineData("talk to a human")]
    [InlineData("agent")]
    [InlineData("AGENT!!")]
    [InlineData("agnet")]
    [InlineData("real person")]
    [InlineData("can I speak to someone")]
    [InlineData("representative")]
    [InlineData("staff")]
    [InlineData("I want to talk to a real person, not a bot")]
    [InlineData("can i talk to the manager")]
    [InlineData("no, I want a human")]
    [InlineData("no I want a human")]
    [InlineData("please call me")]
    [InlineData("I don't want to book, I want to speak to someone")]
    [InlineData("hi can someone real help me with my booking")]
    public void Handoff_requests(string text) => Assert.Equal(CustomerIntent.Human, reader.Read(text).Intent);

    [Theory]
    [InlineData("thanks", CustomerIntent.Thanks)]
    [InlineData("thank you", CustomerIntent.Thanks)]
    [InlineData("Thank you so much!", CustomerIntent.Thanks)]
    [InlineData("thx", CustomerIntent.Thanks)]
    [InlineData("ty", CustomerIntent.Thanks)]
    [InlineData("thanksss", CustomerIntent.Thanks)]
    [InlineData("thnaks", CustomerIntent.Thanks)]
    [InlineData("cheers", CustomerIntent.Thanks)]
    [InlineData("🙏", CustomerIntent.Thanks)]
    [InlineData("bye", CustomerIntent.Goodbye)]
    [InlineData("byeee", CustomerIntent.Goodbye)]
    [InlineData("goodbye", CustomerIntent.Goodbye)]
    [InlineData("see you", CustomerIntent.Goodbye)]
    [InlineData("thanks, bye!", CustomerIntent.Goodbye)]
    [InlineData("have a nice day", CustomerIntent.Goodbye)]
    [InlineData("good night", CustomerIntent.Goodbye)]
    [InlineData("that's all, thanks", CustomerIntent.Goodbye)]
    public void Thanks_and_goodbyes(string text, CustomerIntent expected) => Assert.Equal(expected, reader.Read(text).Intent);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2")]
    [InlineData("?")]
    [InlineData("where are you located")]
    [InlineData("do you have parking?")]
    [InlineData("what's your cancellation policy?")]
    [InlineData("I'm not sure")]
    [InlineData("what stuff do you sell there")]
    [InlineData("hola")]
    [InlineData("tomorrow at 3")]
    [InlineData("I'll look into it")]
    [InlineData("morning person here")]
    public void Unknown_when_nothing_is_asked_for(string text) => Assert.Equal(CustomerIntent.Unknown, reader.Read(text).Intent);

    [Fact]
    public void A_greeting_with_a_booking_request_is_a_booking_that_greets()
    {
        var reading = reader.Read("hi, can I book a haircut tomorrow at 3pm");
        Assert.Equal(CustomerIntent.Book, reading.Intent);
        Assert.True(reading.IsGreeting);
        Assert.True(reading.IsQuestion);
        Assert.False(reading.IsNegated);
        Assert.Equal([CustomerIntent.Greeting, CustomerIntent.Book], reading.Mentioned.Order());
    }

    [Fact]
    public void A_refused_handoff_is_a_negated_decline_that_does_not_mention_a_human()
    {
        var reading = reader.Read("no, I don't want to talk to a human");
        Assert.Equal(CustomerIntent.Decline, reading.Intent);
        Assert.True(reading.IsNegated);
        Assert.False(reading.Mentions(CustomerIntent.Human));
    }

    [Theory]
    [InlineData("Good morning, I'd like to book for tomorrow morning", CustomerIntent.Book, true)]
    [InlineData("morning, can I book?", CustomerIntent.Book, true)]
    [InlineData("tomorrow morning please", CustomerIntent.Unknown, false)]
    [InlineData("hello, what services do you have?", CustomerIntent.ListServices, true)]
    [InlineData("hey, how much for nails", CustomerIntent.AskPrices, true)]
    [InlineData("hi", CustomerIntent.Greeting, true)]
    [InlineData("book for the evening", CustomerIntent.Book, false)]
    public void Greeting_flag_comes_with_the_primary_intent(string text, CustomerIntent intent, bool greets)
    {
        var reading = reader.Read(text);
        Assert.Equal((intent, greets), (reading.Intent, reading.IsGreeting));
    }

    [Theory]
    [InlineData("thanks, bye", CustomerIntent.Goodbye, true, true)]
    [InlineData("thank you! can I also book a pedicure", CustomerIntent.Book, true, false)]
    [InlineData("ok thanks", CustomerIntent.Confirm, true, false)]
    [InlineData("bye", CustomerIntent.Goodbye, false, true)]
    public void Thanks_and_goodbye_flags(string text, CustomerIntent intent, bool thanks, bool goodbye)
    {
        var reading = reader.Read(text);
        Assert.Equal((intent, thanks, goodbye), (reading.Intent, reading.IsThanks, reading.IsGoodbye));
    }

    [Theory]
    [InlineData("yes please book it", CustomerIntent.Book, CustomerIntent.Confirm)]
    [InlineData("no, cancel it", CustomerIntent.CancelBooking, CustomerIntent.Decline)]
    [InlineData("cancel my booking and get me a human", CustomerIntent.Human, CustomerIntent.CancelBooking)]
    [InlineData("how much is it? I'd like to book", CustomerIntent.AskPrices, CustomerIntent.Book)]
    [InlineData("I want to cancel my booking", CustomerIntent.CancelBooking, CustomerIntent.MyBookings)]
    public void A_message_with_several_intents_mentions_all_of_them(string text, CustomerIntent primary, CustomerIntent alsoMentioned)
    {
        var reading = reader.Read(text);
        Assert.Equal(primary, reading.Intent);
        Assert.True(reading.Mentions(alsoMentioned), string.Join(", ", reading.Mentioned));
    }

    [Theory]
    [InlineData("can I book?", true)]
    [InlineData("can I book", true)]
    [InlineData("what services do you have", true)]
    [InlineData("hi, when is my appointment", true)]
    [InlineData("do you have parking", true)]
    [InlineData("tomorrow?", true)]
    [InlineData("book a haircut", false)]
    [InlineData("I want to know the prices", false)]
    [InlineData("yes", false)]
    public void Questions_are_marked(string text, bool question) => Assert.Equal(question, reader.Read(text).IsQuestion);

    [Theory]
    [InlineData("I don't want to talk to a human", CustomerIntent.Human)]
    [InlineData("I dont need to speak to someone", CustomerIntent.Human)]
    [InlineData("I never asked for an agent", CustomerIntent.Human)]
    [InlineData("not a booking, just a question", CustomerIntent.Book)]
    [InlineData("no human please", CustomerIntent.Human)]
    public void Negated_phrases_are_not_mentioned(string text, CustomerIntent negated)
    {
        var reading = reader.Read(text);
        Assert.False(reading.Mentions(negated));
        Assert.True(reading.IsNegated);
        Assert.Equal(CustomerIntent.Decline, reading.Intent);
    }

    [Theory]
    [InlineData("I can't find my booking", CustomerIntent.MyBookings)]
    [InlineData("I couldn't book online, can you help", CustomerIntent.Book)]
    [InlineData("no worries", CustomerIntent.Confirm)]
    [InlineData("not sure, what do you offer", CustomerIntent.ListServices)]
    [InlineData("I don't want to cancel, I want to talk to a human", CustomerIntent.Human)]
    [InlineData("I don't need an agent, just book me for tomorrow", CustomerIntent.Book)]
    public void Negation_stays_in_its_clause_and_ability_is_not_refusal(string text, CustomerIntent expected) =>
        Assert.Equal(expected, reader.Read(text).Intent);

    [Fact]
    public void Reading_is_deterministic_and_independent_of_earlier_messages()
    {
        var first = reader.Read("hi, can I book a haircut tomorrow at 3pm");
        reader.Read("no, I don't want to talk to a human");
        var again = new IntentReader().Read("hi, can I book a haircut tomorrow at 3pm");
        Assert.Equal((first.Intent, first.IsQuestion, first.IsNegated), (again.Intent, again.IsQuestion, again.IsNegated));
        Assert.Equal(first.Mentioned.Order(), again.Mentioned.Order());
    }
}
