"""citing"""
