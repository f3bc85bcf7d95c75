-- An erased customer who writes again is a new customer: when a conversation's pseudonymised WhatsApp id is
-- replaced by a real one, the same rule as for a first message creates (or links) the customer.
CREATE TRIGGER tr_conversations_customer_returns
    AFTER UPDATE OF customer_wa_id ON conversations
    FOR EACH ROW
    WHEN (OLD.customer_wa_id LIKE 'erased:%' AND NEW.customer_wa_id NOT LIKE 'erased:%')
    EXECUTE FUNCTION customers_from_conversation();
