"""Reading the inbox: parse messages, find their application, propose what they mean."""
