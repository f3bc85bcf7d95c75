-- customers.notes_count follows the internal notes of the customer's conversations (it stayed 0 before).

CREATE FUNCTION customers_count_notes() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    changed notes;
BEGIN
    changed := coalesce(NEW, OLD);
    UPDATE customers cu
       SET notes_count = (SELECT count(*)
                            FROM notes n
                            JOIN conversations c ON c.id = n.conversation_id
                           WHERE c.business_id = cu.business_id AND c.customer_wa_id = cu.wa_id AND n.deleted_at IS NULL)
      FROM conversations c
     WHERE c.id = changed.conversation_id AND cu.business_id = c.business_id AND cu.wa_id = c.customer_wa_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_notes_count
    AFTER INSERT OR DELETE OR UPDATE OF deleted_at ON notes
    FOR EACH ROW EXECUTE FUNCTION customers_count_notes();

UPDATE customers cu
   SET notes_count = (SELECT count(*)
                        FROM notes n
                        JOIN conversations c ON c.id = n.conversation_id
                       WHERE c.business_id = cu.business_id AND c.customer_wa_id = cu.wa_id AND n.deleted_at IS NULL)
 WHERE cu.wa_id IS NOT NULL;
